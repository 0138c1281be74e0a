namespace Gatehouse.Gateway.Agents;

/// <summary>
/// A response body read from a tunnel: counts the exchange as in flight until it is disposed, and names a failure
/// caused by the tunnel closing, so the outcome says <c>agent_disconnected</c> rather than a generic reset.
/// </summary>
internal sealed class TunnelResponseStream(Stream inner, AgentTunnel tunnel) : Stream
{
    private int _released;

    public override bool CanRead => true;

    public override bool CanWrite => false;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (tunnel.IsClosed && error is not OperationCanceledException)
        {
            throw new AgentTunnelLostException(tunnel.Name, error);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The tunnel is read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _released, 1) == 0)
        {
            tunnel.Release();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
