using System.Buffers;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Pipeline;

/// <summary>
/// One response's way from the upstream to the client, built once when the upstream's headers arrive: masking, then
/// for each event (or the whole JSON body) one read into normalised deltas that the audit capture and the hold
/// consume, then the bytes the client may have now. It owns its stages and returns their buffers on
/// <see cref="Dispose"/>. One per response; not thread-safe.
/// </summary>
/// <remarks>
/// <para>Two steps per chunk, so that the caller can fail closed in between: <see cref="Append"/> (or
/// <see cref="Complete"/> at the end of the body) reads and masks; the caller checks <see cref="Error"/> and
/// <see cref="UnknownShapes"/>; <see cref="Release"/> then passes the result through capture and hold and writes what
/// may reach the client; <see cref="End"/> finally ends the hold. What a failed rewrite produced is never captured,
/// held or released.</para>
/// <para>A stream is split into events once: by the stream rewriter when the response is masked (its events come out
/// whole and are not split again), else here. Each event's data is parsed once, and its deltas serve the capture, the
/// hold's decision and the hold's refusal. A stream that nothing rewrites and nothing holds reaches the client byte
/// for byte as it arrives.</para>
/// </remarks>
public sealed class ResponsePipeline : IDisposable
{
    private readonly IResponseRewriter? _rewriter;
    private readonly EventCollector? _events;
    private readonly EventStage? _stream;
    private readonly BodyStage? _body;
    private readonly byte[]? _opaque;
    private readonly PooledByteBuffer _produced = new(PooledByteBuffer.Unbounded);
    private int _opaqueLength;

    internal ResponsePipeline(IResponseRewriter? rewriter, EventCollector? events, EventStage? stream, BodyStage? body, int opaqueCapBytes = 0)
    {
        _rewriter = rewriter;
        _events = events;
        _stream = stream;
        _body = body;
        _opaque = stream is null && body is null ? new byte[opaqueCapBytes] : null;
    }

    /// <summary>Gets how many bytes of the response reached capture (what the client gets, held or not).</summary>
    public long Bytes { get; private set; }

    /// <summary>Gets why the body could not be masked, or null; once set, the caller must release nothing more.</summary>
    public string? Error => _rewriter?.Error;

    /// <summary>Gets how many text-bearing events or fields had a shape masking does not know.</summary>
    public int UnknownShapes => _rewriter?.UnknownShapes ?? 0;

    /// <summary>Gets a value indicating whether the body is rewritten (masked) on its way to the client.</summary>
    public bool Rewrites => _rewriter is not null;

    /// <summary>Gets the hold, when policy may hold this response; else null.</summary>
    public ResponseHoldBuffer? Hold => _stream?.Hold ?? _body?.Hold;

    /// <summary>Gets what the held response says (its tool calls), once the body has ended and been released.</summary>
    public ResponseSummary? HoldSummary { get; private set; }

    /// <summary>Gets the first bytes of a response no adapter understands, as forwarded (bounded), for the audit.</summary>
    public ReadOnlySpan<byte> OpaqueBytes => _opaque.AsSpan(0, _opaqueLength);

    /// <summary>Creates the pipeline of a response no adapter understands: optional masking, and the first bytes kept.</summary>
    /// <param name="rewriter">The generic rewriter that masks it, or null.</param>
    /// <param name="captureBytes">How many bytes the audit keeps.</param>
    public static ResponsePipeline Opaque(IResponseRewriter? rewriter, int captureBytes) => new(rewriter, null, null, null, captureBytes);

    /// <summary>Reads, and masks, the next chunk of the upstream's body; nothing reaches the client before <see cref="Release"/>.</summary>
    public void Append(ReadOnlySpan<byte> chunk)
    {
        _produced.Clear();
        _events?.Clear();
        if (_rewriter is null)
        {
            _produced.Write(chunk);
        }
        else
        {
            _rewriter.Append(chunk, _produced);
        }
    }

    /// <summary>Ends the upstream's body: masking produces what it still held, for <see cref="Release"/>; then call <see cref="End"/>.</summary>
    public void Complete()
    {
        _produced.Clear();
        _events?.Clear();
        _rewriter?.Complete(_produced);
    }

    /// <summary>
    /// Ends the response after the last <see cref="Release"/>: a hold writes to <paramref name="client"/> what never
    /// needed holding and judges the rest from <see cref="HoldSummary"/>.
    /// </summary>
    public void End(IBufferWriter<byte> client)
    {
        ArgumentNullException.ThrowIfNull(client);
        HoldSummary ??= _stream is not null ? _stream.End(client) : _body?.End();
    }

    /// <summary>
    /// Passes what the last <see cref="Append"/> or <see cref="Complete"/> produced through capture and hold, and
    /// writes to <paramref name="client"/> what may reach the client now.
    /// </summary>
    public void Release(IBufferWriter<byte> client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (_events is not null)
        {
            Bytes += _events.Drain(_stream!, client);
        }
        else if (_produced.Length > 0)
        {
            var bytes = _produced.Span;
            Bytes += bytes.Length;
            if (_stream is not null)
            {
                _stream.Bytes(bytes, client);
            }
            else if (_body is not null)
            {
                _body.Append(bytes, client);
            }
            else
            {
                KeepOpaque(bytes);
                client.Write(bytes);
            }
        }

        _produced.Clear();
    }

    /// <summary>Returns what the response says, for the audit, or null for a response no adapter understands.</summary>
    /// <param name="complete">False when the body was cut short (upstream reset, client gone, refused).</param>
    public ResponseSummary? Summarise(bool complete) => _stream?.Summarise(complete) ?? _body?.Summarise(complete);

    public void Dispose()
    {
        _rewriter?.Dispose();
        _events?.Dispose();
        _stream?.Dispose();
        _body?.Dispose();
        _produced.Release();
    }

    private void KeepOpaque(ReadOnlySpan<byte> bytes)
    {
        var room = Math.Min(_opaque!.Length - _opaqueLength, bytes.Length);
        bytes[..room].CopyTo(_opaque.AsSpan(_opaqueLength));
        _opaqueLength += room;
    }
}
