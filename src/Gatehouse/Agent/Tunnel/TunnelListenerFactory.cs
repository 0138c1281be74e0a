using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace Gatehouse.Agent.Tunnel;

/// <summary>
/// Kestrel's transport for <see cref="TunnelEndPoint"/>: instead of accepting sockets, it yields each tunnel the dialer
/// opened to the gateway as a connection, so the agent serves the gateway's HTTP/2 requests with Kestrel itself.
/// </summary>
internal sealed class TunnelListenerFactory : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    // A handful of tunnels at most wait to be accepted; the dialer waits rather than piling them up.
    private readonly Channel<TunnelConnection> _pending = Channel.CreateBounded<TunnelConnection>(4);

    public bool CanBind(EndPoint endpoint) => endpoint is TunnelEndPoint;

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
        => ValueTask.FromResult<IConnectionListener>(new TunnelListener(endpoint, _pending.Reader));

    /// <summary>Hands a newly dialled tunnel to Kestrel.</summary>
    public ValueTask OfferAsync(TunnelConnection connection, CancellationToken cancellationToken) => _pending.Writer.WriteAsync(connection, cancellationToken);
}
