using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Takes each event a stream rewriter writes, already serialised, instead of a byte output.</summary>
/// <remarks>
/// Lets the response pipeline hand each rewritten event to its later stages (reading, capture, hold) as the event it
/// is, rather than as bytes those stages would have to split into events again.
/// </remarks>
internal interface ISseEventSink
{
    /// <summary>
    /// Gets whether the sink takes the rewriter's parse of each event; then the rewriter parses each event's data in
    /// its own copy (the SSE parser reuses its buffer for the next event) and hands that parse on.
    /// </summary>
    bool KeepsParses { get; }

    /// <summary>
    /// Takes one event: its type, its data and its bytes as the client would receive them; and, for an event the
    /// rewriter parsed, when <see cref="KeepsParses"/>, that parse, which the sink owns from here and disposes, with
    /// the edits masking made to it (read them now: they are reset for the next event). Events the rewriter made up,
    /// or did not parse, come with no parse.
    /// </summary>
    void Event(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data, ReadOnlySpan<byte> serialized, JsonLease parse, JsonEdits? edits);

    /// <summary>Takes one comment line (a keep-alive), as the client would receive it.</summary>
    void Comment(ReadOnlySpan<byte> serialized);
}
