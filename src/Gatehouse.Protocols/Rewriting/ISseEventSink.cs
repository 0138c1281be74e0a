namespace Gatehouse.Protocols.Rewriting;

/// <summary>Takes each event a stream rewriter writes, already serialised, instead of a byte output.</summary>
/// <remarks>
/// Lets the response pipeline hand each rewritten event to its later stages (reading, capture, hold) as the event it
/// is, rather than as bytes those stages would have to split into events again.
/// </remarks>
internal interface ISseEventSink
{
    /// <summary>Takes one event: its type, its data and its bytes as the client would receive them.</summary>
    void Event(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data, ReadOnlySpan<byte> serialized);

    /// <summary>Takes one comment line (a keep-alive), as the client would receive it.</summary>
    void Comment(ReadOnlySpan<byte> serialized);
}
