using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Streaming;

/// <summary>
/// Turns one API's server-sent events into <see cref="StreamDelta"/>s, event by event.
/// </summary>
/// <remarks>
/// Stateful (it remembers which content block or output item an index names), so one reader serves one stream.
/// Kept apart from assembly so that a rewriting stage can act on each event's deltas before it is forwarded.
/// </remarks>
public interface IStreamEventReader
{
    /// <summary>Appends the deltas <paramref name="sseEvent"/> carries to <paramref name="deltas"/>; never throws on bad input.</summary>
    void Read(SseEvent sseEvent, ICollection<StreamDelta> deltas);
}
