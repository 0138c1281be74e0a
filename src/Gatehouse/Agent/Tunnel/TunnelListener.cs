using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace Gatehouse.Agent.Tunnel;

/// <summary>The listener Kestrel accepts tunnels from; unbinding ends the accepting.</summary>
internal sealed class TunnelListener(EndPoint endpoint, ChannelReader<TunnelConnection> pending) : IConnectionListener
{
    private readonly CancellationTokenSource _unbound = new();

    public EndPoint EndPoint { get; } = endpoint;

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _unbound.Token);
        try
        {
            return await pending.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Kestrel unbinds on shutdown; null tells it no more connections will come.
            return null;
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default) => new(_unbound.CancelAsync());

    public ValueTask DisposeAsync()
    {
        _unbound.Dispose();
        return ValueTask.CompletedTask;
    }
}
