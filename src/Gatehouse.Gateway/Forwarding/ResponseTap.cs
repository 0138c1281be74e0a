using System.Buffers;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>
/// Stands in for the client's response body while YARP copies the upstream response. Without masking every chunk goes
/// to the client unchanged; with masking it goes through the exchange's response rewriter, and only what the rewriter
/// releases reaches the client. Either way the exchange's <see cref="ResponseCapture"/> sees exactly what the client
/// gets, so the audit holds masked text. Nothing is buffered beyond the rewriter's holdback: streams stay streams.
/// </summary>
/// <remarks>
/// Failing closed: when a masked response cannot be read, or a blocking connection finds a secret, the tap records
/// why on the exchange and throws, which makes YARP stop copying and cut the client's response. Nothing unread is ever
/// released.
/// </remarks>
internal sealed class ResponseTap : Stream
{
    private readonly Stream _inner;
    private readonly Exchange _exchange;
    private readonly ArrayBufferWriter<byte> _rewritten = new(4096);

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

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The gateway writes responses asynchronously.");

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_exchange.ResponseUnreadable is { } why && FailClosed)
        {
            throw Refuse("response_unreadable", why);
        }

        if (_exchange.ResponseRewriter is not { } rewriter)
        {
            _exchange.Response?.Append(buffer.Span);
            return _inner.WriteAsync(buffer, cancellationToken);
        }

        _rewritten.ResetWrittenCount();
        rewriter.Append(buffer.Span, _rewritten);
        return ReleaseAsync(cancellationToken);
    }

    /// <summary>Releases what the rewriter still holds once the upstream's body has ended.</summary>
    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_exchange.ResponseRewriter is not { } rewriter)
        {
            return ValueTask.CompletedTask;
        }

        _rewritten.ResetWrittenCount();
        rewriter.Complete(_rewritten);
        return ReleaseAsync(cancellationToken);
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private bool FailClosed => _exchange.Connection?.Config.Masking.FailClosed ?? true;

    private ValueTask ReleaseAsync(CancellationToken cancellationToken)
    {
        var rewriter = _exchange.ResponseRewriter!;
        if (rewriter.Error is { } error)
        {
            throw Refuse("response_unreadable", error);
        }

        if (rewriter.UnknownShapes > 0 && FailClosed)
        {
            throw Refuse("response_unreadable", "the upstream sent an event whose shape the gateway does not know, so it cannot be masked");
        }

        if (_exchange.ResponseMasking == MaskingMode.Block && _exchange.ResponseMasker!.FoundAny)
        {
            throw Refuse("response_blocked", "the response contains a secret or personal data and the connection blocks such responses");
        }

        if (_rewritten.WrittenCount == 0)
        {
            return ValueTask.CompletedTask;
        }

        _exchange.Response?.Append(_rewritten.WrittenSpan);
        return _inner.WriteAsync(_rewritten.WrittenMemory, cancellationToken);
    }

    private IOException Refuse(string code, string detail)
    {
        _exchange.Fail(code, detail);
        return new IOException($"The response was stopped: {detail}.");
    }
}
