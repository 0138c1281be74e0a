using System.Net.WebSockets;

namespace Gatehouse.Gateway.Agents;

/// <summary>
/// The tunnel's byte stream over a WebSocket, used by both ends: each write is one binary message, reads run across
/// message boundaries, and only the peer's close (or a broken socket) ends the stream.
/// </summary>
/// <remarks>
/// Written out rather than taken from <c>WebSocketStream.Create</c> so that the one rule HTTP/2 depends on is explicit:
/// a read returns 0 only at the end of the tunnel, never at the end of a message or of an empty one. Zero-byte reads
/// (which the HTTP/2 client uses to wait for data without holding a buffer) wait for data and return 0 at once.
/// </remarks>
internal sealed class WebSocketTunnelStream(WebSocket socket) : Stream
{
    private int _disposed;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (socket.State is WebSocketState.CloseReceived or WebSocketState.Closed or WebSocketState.Aborted)
            {
                return 0;
            }

            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return 0;
            }

            if (result.Count > 0 || buffer.IsEmpty)
            {
                return result.Count;
            }

            // An empty frame or message: not the end of the tunnel, read on.
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        => buffer.IsEmpty ? ValueTask.CompletedTask : socket.SendAsync(buffer, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The tunnel is read asynchronously.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The tunnel is written asynchronously.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Abort rather than a close handshake: whoever disposes is done with the tunnel, and the peer learns it
            // from the connection ending, at once, instead of waiting on a close frame it may never answer.
            socket.Abort();
            socket.Dispose();
        }

        base.Dispose(disposing);
    }
}
