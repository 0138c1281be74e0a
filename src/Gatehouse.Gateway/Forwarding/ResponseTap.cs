using System.Buffers;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.ResponseHolds;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>
/// Stands in for the client's response body while YARP copies the upstream response. Without masking every chunk goes
/// to the client unchanged; with masking it goes through the exchange's response rewriter, and only what the rewriter
/// releases reaches the client. Either way the exchange's <see cref="ResponseCapture"/> sees exactly what the client
/// gets, so the audit holds masked text. Nothing is buffered beyond the rewriter's holdback: streams stay streams.
/// </summary>
/// <remarks>
/// <para>Failing closed: when a masked response cannot be read, or a blocking connection finds a secret, the tap records
/// why on the exchange and throws, which makes YARP stop copying and cut the client's response. Nothing unread is ever
/// released.</para>
/// <para>When policy may hold the response for review (<see cref="Exchange.ResponseHold"/>), what the client would get
/// goes through a <see cref="HeldResponse"/> instead, which passes text on and holds the rest until
/// <see cref="CompleteAsync"/> has it judged. The capture still sees everything the upstream sent, so the audit keeps
/// a held response even when the client gets a refusal.</para>
/// </remarks>
internal sealed class ResponseTap : Stream
{
    private readonly Stream _inner;
    private readonly Exchange _exchange;
    private readonly ArrayBufferWriter<byte> _rewritten = new(4096);
    private readonly ResponseHoldStage? _holds;
    private HeldResponse? _held;
    private bool _holdChecked;

    public ResponseTap(Stream inner, Exchange exchange, ResponseHoldStage? holds = null)
    {
        _inner = inner;
        _exchange = exchange;
        _holds = holds;
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
        if (_exchange.ResponseUnreadable is { } why && (FailClosed || _exchange.ResponseHold is not null))
        {
            throw Refuse("response_unreadable", why);
        }

        if (_exchange.ResponseRewriter is not { } rewriter)
        {
            _exchange.Response?.Append(buffer.Span);
            return ToClientAsync(buffer, cancellationToken);
        }

        _rewritten.ResetWrittenCount();
        rewriter.Append(buffer.Span, _rewritten);
        return ReleaseAsync(cancellationToken);
    }

    /// <summary>
    /// Releases what the rewriter still holds once the upstream's body has ended; then, for a response policy may hold,
    /// has it judged, which may wait for a reviewer.
    /// </summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_exchange.ResponseRewriter is { } rewriter)
        {
            _rewritten.ResetWrittenCount();
            rewriter.Complete(_rewritten);
            await ReleaseAsync(cancellationToken);
        }

        if (Held() is { } held)
        {
            using (held)
            {
                await _holds!.FinishAsync(_exchange, held, cancellationToken);
            }
        }
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
        return ToClientAsync(_rewritten.WrittenMemory, cancellationToken);
    }

    private ValueTask ToClientAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        => Held() is { } held ? held.AppendAsync(bytes, cancellationToken) : _inner.WriteAsync(bytes, cancellationToken);

    private HeldResponse? Held()
    {
        if (!_holdChecked)
        {
            _holdChecked = true;
            _held = _holds?.Begin(_exchange, _inner);
        }

        return _held;
    }

    private IOException Refuse(string code, string detail)
    {
        _exchange.Fail(code, detail);
        return new IOException($"The response was stopped: {detail}.");
    }
}
