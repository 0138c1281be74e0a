using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>
/// Stands in for the client's response body while YARP copies the upstream response: every chunk goes to the client
/// unchanged and to the exchange's <see cref="ResponseCapture"/> (created when the upstream's headers arrive). Nothing
/// is buffered, so streams stay streams.
/// </summary>
internal sealed class ResponseTap : Stream
{
    private readonly Stream _inner;
    private readonly Exchange _exchange;

    public ResponseTap(Stream inner, Exchange exchange)
    {
        _inner = inner;
        _exchange = exchange;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _exchange.Response?.Append(buffer);
        _inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _exchange.Response?.Append(buffer.Span);
        return _inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
