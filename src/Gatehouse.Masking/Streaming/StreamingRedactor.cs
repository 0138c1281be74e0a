using System.Buffers;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;

namespace Gatehouse.Masking.Streaming;

/// <summary>
/// Masks a stream of text deltas as they arrive: for every chunking of a text, the concatenated output equals
/// <see cref="MaskingEngine.Mask(ReadOnlySpan{char})"/> of the whole text. One instance per stream; not thread-safe.
/// </summary>
/// <remarks>
/// <para>Each push rescans the unreleased tail plus enough already-released left context that every window is seen
/// exactly as in the whole text. The scan reports the earliest offset at which a match could still start; text before
/// it (and before any match that crosses it) is released, masked. So the holdback is only the tail that may begin a
/// match, bounded by the widest window of the rules whose keyword sits in it.</para>
/// <para>A private-key BEGIN line switches to mask-through: the marker is released at once and everything until the
/// END line is swallowed as it streams. When the holdback would exceed the cap, or the stream is aborted, held text
/// is masked, never released unscanned.</para>
/// </remarks>
public sealed class StreamingRedactor : IDisposable
{
    private const string HoldbackRuleId = "holdback-limit";
    private const int MaxBuffer = 1 << 20;
    private const string HoldbackMarker = "[MASKED:" + HoldbackRuleId + "]";
    private const string AbortMarker = "[MASKED:stream-aborted]";

    private readonly CompiledRuleSet _set;
    private readonly Fingerprinter _fingerprinter;
    private readonly int _cap;
    private readonly List<Finding> _findings = [];
    private char[] _buffer = ArrayPool<char>.Shared.Rent(1024);
    private int _length;
    private long _bufferStart;
    private long _released;
    private BlockState? _block;
    private bool _completed;
    private int _contextLength;
    private long _taintedFrom = -1;
    private bool _maskingAll;

    internal StreamingRedactor(MaskingEngine engine)
    {
        _set = engine.RuleSet;
        _fingerprinter = engine.Fingerprinter;
        _cap = engine.Options.StreamingHoldbackCap;
    }

    /// <summary>What has been found so far, with offsets in the whole stream.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>The most characters held back after any push (for benchmarks and alerts); never above the cap.</summary>
    public int MaxHoldback { get; private set; }

    /// <summary>The characters currently held back.</summary>
    public int Holdback => _maskingAll ? 0 : (int)(_bufferStart + _length - _released);

    /// <summary>Adds a delta and writes the masked text that is now safe to release to <paramref name="output"/>.</summary>
    public void Push(ReadOnlySpan<char> delta, IBufferWriter<char> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_maskingAll)
        {
            return;
        }

        Append(delta);
        if (_length > MaxBuffer)
        {
            // A match that never ends (an endless token after a forced release): mask the rest of the stream.
            output.Write(HoldbackMarker);
            _maskingAll = true;
            _length = 0;
            return;
        }

        try
        {
            Process(final: false, output);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // Fail closed: what is held back is masked, never released, and the stream ends.
            Abort(output);
            throw;
        }
    }

    /// <summary>
    /// Adds text that is context only: scanned as left context of what follows (a JSON key before its value) but never
    /// written. Only valid before the first push.
    /// </summary>
    internal void PushContext(ReadOnlySpan<char> context)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        Append(context);
        _released = _bufferStart + _length;
        _contextLength += context.Length;
    }

    /// <summary>Adds a delta and returns the masked text that is now safe to release (possibly empty).</summary>
    public string Push(string delta)
    {
        var output = new ArrayBufferWriter<char>(delta.Length + 32);
        Push(delta.AsSpan(), output);
        return output.WrittenSpan.ToString();
    }

    /// <summary>Ends the stream: writes the rest of the text, masked.</summary>
    public void Flush(IBufferWriter<char> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (!_maskingAll)
        {
            Process(final: true, output);
        }

        Complete();
    }

    /// <summary>Ends the stream and returns the rest of the text, masked.</summary>
    public string Flush()
    {
        var output = new ArrayBufferWriter<char>(Math.Max(Holdback, 1) + 32);
        Flush(output);
        return output.WrittenSpan.ToString();
    }

    /// <summary>
    /// Ends the stream after an error or cancellation: held-back text is replaced by one marker, never released.
    /// </summary>
    public void Abort(IBufferWriter<char> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_completed)
        {
            return;
        }

        if (Holdback > 0 && _block is null)
        {
            output.Write(AbortMarker);
        }

        Complete();
    }

    /// <inheritdoc/>
    public void Dispose() => Complete();

    private void Process(bool final, IBufferWriter<char> output)
    {
        var candidates = default(PooledList<Candidate>);
        try
        {
            var more = true;
            while (more)
            {
                more = _block is null ? Release(final, output, ref candidates) : AdvanceBlock(final);
            }
        }
        finally
        {
            candidates.Dispose();
        }

        MaxHoldback = Math.Max(MaxHoldback, Holdback);
        Trim();
    }

    /// <returns>True when the scan stopped at a private-key block (the caller continues in mask-through mode).</returns>
    private bool Release(bool final, IBufferWriter<char> output, ref PooledList<Candidate> candidates)
    {
        var text = _buffer.AsSpan(0, _length);
        var released = (int)(_released - _bufferStart);
        candidates.Clear();
        var floor = _taintedFrom < 0 ? released : (int)Math.Max(0, _taintedFrom - _bufferStart);
        var state = Scanner.Scan(_set, text, Math.Min(floor, released), final, ref candidates);
        if (_taintedFrom >= 0 && !ClipToReleased(ref candidates, released) && state.Pending >= released)
        {
            _taintedFrom = -1;
        }

        var safe = final ? text.Length : SafePoint(candidates.Span, Math.Max(released, state.Pending), state.OpenBlockStart);
        var chosen = candidates.Span[..OverlapResolver.Resolve(candidates.Span, state.OpenBlockStart)];
        var upTo = 0;
        while (upTo < chosen.Length && chosen[upTo].End <= safe)
        {
            upTo++;
        }

        MaskedTextWriter.Write(_set, _fingerprinter, text, released, safe, chosen[..upTo], _bufferStart - _contextLength, output, _findings);
        _released = _bufferStart + safe;
        if (!final && state.OpenBlockStart < text.Length && state.OpenBlockStart <= safe)
        {
            EnterBlock(text, state, output);
            return true;
        }

        if (!final && text.Length - safe > _cap)
        {
            ForceRelease(text.Length - _cap - safe, output);
        }

        return false;
    }

    /// <summary>
    /// Masks held text that the cap forces out. A match that began in it may end after it: from then on, candidates
    /// that started before the released offset are clipped to it rather than dropped, so their rest is masked too.
    /// </summary>
    private void ForceRelease(int length, IBufferWriter<char> output)
    {
        var offset = checked((int)(_released - _contextLength));
        if (_findings.Count > 0 && _findings[^1] is { RuleId: HoldbackRuleId } last && last.Offset + last.Length == offset)
        {
            _findings[^1] = last with { Length = last.Length + length };
        }
        else
        {
            output.Write(HoldbackMarker);
            _findings.Add(new Finding(HoldbackRuleId, RuleCategory.Secret, offset, length, ""));
        }

        _taintedFrom = _taintedFrom < 0 ? _released : _taintedFrom;
        _released += length;
    }

    /// <returns>Whether a candidate was clipped (a match that began in forced-out text is still being released).</returns>
    private static bool ClipToReleased(ref PooledList<Candidate> candidates, int released)
    {
        var span = candidates.Span;
        var kept = 0;
        var clipped = false;
        foreach (var c in span)
        {
            if (c.Start >= released)
            {
                span[kept++] = c;
            }
            else if (c.End > released)
            {
                span[kept++] = c with { Start = released, Length = c.End - released };
                clipped = true;
            }
        }

        candidates.Truncate(kept);
        return clipped;
    }

    /// <summary>
    /// Moves <paramref name="safe"/> back to the start of any candidate that crosses it (as cut by an open private-key
    /// block, which overrides what it covers).
    /// </summary>
    private static int SafePoint(ReadOnlySpan<Candidate> candidates, int safe, int openBlockStart)
    {
        bool moved;
        do
        {
            moved = false;
            foreach (var c in candidates)
            {
                if (c.Start < safe && Math.Min(c.End, openBlockStart) > safe)
                {
                    safe = c.Start;
                    moved = true;
                }
            }
        }
        while (moved);
        return safe;
    }

    private void EnterBlock(ReadOnlySpan<char> text, ScanState state, IBufferWriter<char> output)
    {
        var rule = _set.Rules[state.OpenBlockRule];
        var header = rule.Regex.EnumerateMatches(text[state.OpenBlockStart..]);
        var headerLength = header.MoveNext() ? header.Current.Length : 0;
        output.Write(rule.Marker);
        _block = new BlockState(rule, _bufferStart + state.OpenBlockStart, _fingerprinter.Begin())
        {
            SearchFrom = _bufferStart + state.OpenBlockStart + headerLength,
        };
        if (_released < _block.Start)
        {
            _released = _block.Start;
        }
    }

    /// <returns>True when the END line was found (the caller continues scanning normally after it).</returns>
    private bool AdvanceBlock(bool final)
    {
        var block = _block!;
        var text = _buffer.AsSpan(0, _length);
        var released = (int)(_released - _bufferStart);
        var end = PrivateKeyBlocks.FindEnd(text, (int)(block.SearchFrom - _bufferStart), out var undecided);
        if (end < 0 && !final)
        {
            var consumed = Math.Max(released, undecided);
            block.Fingerprint.Append(text[released..consumed]);
            _released = block.SearchFrom = _bufferStart + consumed;
            return false;
        }

        end = end >= 0 ? end : text.Length;
        block.Fingerprint.Append(text[released..end]);
        var length = checked((int)(_bufferStart + end - block.Start));
        _findings.Add(new Finding(block.Rule.Rule.Id, block.Rule.Rule.Category, checked((int)(block.Start - _contextLength)), length, block.Fingerprint.Finish()));
        block.Fingerprint.Dispose();
        _block = null;
        _released = _bufferStart + end;
        return true;
    }

    private void Append(ReadOnlySpan<char> delta)
    {
        if (_length + delta.Length > _buffer.Length)
        {
            var grown = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + delta.Length));
            _buffer.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<char>.Shared.Return(_buffer, clearArray: true);
            _buffer = grown;
        }

        delta.CopyTo(_buffer.AsSpan(_length));
        _length += delta.Length;
    }

    /// <summary>Drops text that is released and no longer needed as left context.</summary>
    private void Trim()
    {
        // While forced-out text may still be part of a match, keep the match's keyword in view: dropping it would let
        // the rest of a long token out unmasked.
        var keepFrom = (int)Math.Max(0, Math.Min(_released, _taintedFrom < 0 ? long.MaxValue : _taintedFrom) - _bufferStart - _set.LongestWindow);
        if (_block is not null)
        {
            keepFrom = Math.Min(keepFrom, (int)(_block.SearchFrom - _bufferStart));
        }

        if (keepFrom > 0 && keepFrom >= _length / 2)
        {
            _buffer.AsSpan(keepFrom, _length - keepFrom).CopyTo(_buffer);
            _buffer.AsSpan(_length - keepFrom, keepFrom).Clear();
            _length -= keepFrom;
            _bufferStart += keepFrom;
        }
    }

    private void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _block?.Fingerprint.Dispose();
        _block = null;
        ArrayPool<char>.Shared.Return(_buffer, clearArray: true);
        _buffer = [];
        _length = 0;
    }
}
