using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.ResponseHolds;
using Gatehouse.Policy;
using Gatehouse.Protocols.Sse;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>
/// Stands in for the client's response body while YARP copies the upstream response, and runs the response through
/// its pipeline (built by <see cref="Begin"/> when the upstream's headers arrive): only what the pipeline releases
/// reaches the client, and the audit capture sees exactly what the client gets (held or not). Nothing is buffered
/// beyond masking's holdback and what a hold must keep: streams stay streams.
/// </summary>
/// <remarks>
/// <para>Failing closed: when a masked response cannot be read, or a blocking connection finds a secret, the tap records
/// why on the exchange and throws, which makes YARP stop copying and cut the client's response. Nothing unread is ever
/// released.</para>
/// <para>When policy may hold the response (<see cref="Exchange.ResponseHold"/>), the pipeline passes text on and holds
/// the rest until <see cref="CompleteAsync"/> has it judged. The tap owns the pipeline: <see cref="Finish"/> turns it
/// into the exchange's facts (bytes, summary, findings) and <see cref="Dispose(bool)"/> returns its buffers.</para>
/// </remarks>
internal sealed class ResponseTap : Stream
{
    private readonly Stream _inner;
    private readonly Exchange _exchange;
    private readonly ResponsePipelines _pipelines;
    private readonly ResponseHoldStage _holds;
    private readonly TimeProvider _time;
    private readonly PooledByteBuffer _released = new(PooledByteBuffer.Unbounded);
    private BuiltResponse? _response;
    private HeldResponse? _held;

    public ResponseTap(Stream inner, Exchange exchange, ResponsePipelines pipelines, ResponseHoldStage holds, TimeProvider time)
    {
        _inner = inner;
        _exchange = exchange;
        _pipelines = pipelines;
        _holds = holds;
        _time = time;
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

    /// <summary>Gets a value indicating whether the response was masked and its masking never failed.</summary>
    public bool MaskedCleanly => _response is { Masker: not null, Pipeline.Error: null };

    /// <summary>Builds the response's pipeline once the upstream's headers say what the body is.</summary>
    public void Begin(HttpResponseMessage upstream, HttpResponse client)
    {
        _response = _pipelines.Build(_exchange, upstream, client);
        if (_response.Pipeline.Hold is { } hold)
        {
            _held = new HeldResponse(hold, _inner, _time);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The gateway writes responses asynchronously.");

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var response = _response ?? throw new InvalidOperationException("The response body arrived before its headers.");
        if (response.Unreadable is { } why && (FailClosed || _exchange.ResponseHold is not null))
        {
            throw Refuse(ExchangeFailureCode.ResponseUnreadable, why);
        }

        response.Pipeline.Append(buffer.Span);
        return ReleaseAsync(response, cancellationToken);
    }

    /// <summary>
    /// Ends the upstream's body: releases what masking still holds; then, for a response policy may hold, has it
    /// judged, which may wait for a reviewer.
    /// </summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_response is not { } response)
        {
            return;
        }

        response.Pipeline.Complete();
        await ReleaseAsync(response, cancellationToken);
        if (_held is { } held)
        {
            _released.Clear();
            response.Pipeline.End(_released);
            if (_released.Length > 0)
            {
                await _inner.WriteAsync(_released.Memory, cancellationToken);
            }

            await _holds.FinishAsync(_exchange, held, response.Pipeline.HoldSummary!, response.Masker?.Findings ?? [], cancellationToken);
        }
    }

    /// <summary>Records what the response was on the exchange: its bytes, what it said, and what masking found.</summary>
    public void Finish()
    {
        // A held response's body was whole even when the client got a refusal instead; the audit keeps what was held.
        var complete = _exchange.Failure is null || _exchange.ResponseHoldOutcome is not null;
        if (_response is not { } response)
        {
            _exchange.ResponseSummary = _exchange.Adapter is null ? OpaqueText.Summary([], 0) : null;
            return;
        }

        _exchange.ResponseBytes = response.Pipeline.Bytes;
        _exchange.ResponseSummary = response.Pipeline.Summarise(complete) ?? OpaqueText.Summary(response.Pipeline.OpaqueBytes, response.Pipeline.Bytes);
        if (response.Masker is { } masker)
        {
            // Flushes channels a cut stream left open, so their findings are recorded too; their text is discarded.
            masker.Dispose();
            _exchange.ResponseFindings.AddRange(masker.Findings);
        }
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _response?.Pipeline.Dispose();
            _released.Release();
        }

        base.Dispose(disposing);
    }

    private bool FailClosed => _exchange.Connection?.Config.Masking.FailClosed ?? true;

    private ValueTask ReleaseAsync(BuiltResponse response, CancellationToken cancellationToken)
    {
        var pipeline = response.Pipeline;
        if (pipeline.Error is { } error)
        {
            throw Refuse(ExchangeFailureCode.ResponseUnreadable, error);
        }

        if (pipeline.UnknownShapes > 0 && FailClosed)
        {
            throw Refuse(ExchangeFailureCode.ResponseUnreadable, "the upstream sent an event whose shape the gateway does not know, so it cannot be masked");
        }

        if (_exchange.ResponseMasking == MaskingMode.Block && response.Masker is { FoundAny: true })
        {
            throw Refuse(ExchangeFailureCode.ResponseBlocked, "the response contains a secret or personal data and the connection blocks such responses");
        }

        _released.Clear();
        pipeline.Release(_released);
        if (pipeline.Hold is { IsHolding: true })
        {
            _held!.MarkHolding();
        }

        return _released.Length == 0 ? ValueTask.CompletedTask : _inner.WriteAsync(_released.Memory, cancellationToken);
    }

    private IOException Refuse(ExchangeFailureCode code, string detail)
    {
        _exchange.Fail(code, detail);
        return new IOException($"The response was stopped: {detail}.");
    }
}
