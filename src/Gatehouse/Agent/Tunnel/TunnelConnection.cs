using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Agent.Tunnel;

/// <summary>One tunnel as a Kestrel connection: the WebSocket stream to the gateway, on which Kestrel serves HTTP/2.</summary>
internal sealed class TunnelConnection : ConnectionContext
{
    private readonly Stream _stream;
    private readonly CancellationTokenSource _closed = new();
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TunnelConnection(Stream stream, EndPoint remote)
    {
        _stream = stream;
        Transport = new StreamPipe(stream);
        ConnectionClosed = _closed.Token;
        RemoteEndPoint = remote;
        LocalEndPoint = new TunnelEndPoint();
    }

    public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

    public override IDuplexPipe Transport { get; set; }

    /// <summary>Gets a task that completes once Kestrel is done with the connection (the tunnel closed).</summary>
    public Task Disposed => _disposed.Task;

    public override void Abort(ConnectionAbortedException abortReason)
    {
        _closed.Cancel();
        _stream.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        await Transport.Input.CompleteAsync().ConfigureAwait(false);
        await Transport.Output.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _closed.CancelAsync().ConfigureAwait(false);
        _closed.Dispose();
        _disposed.TrySetResult();
    }
}
