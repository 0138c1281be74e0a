namespace Gatehouse.Protocols.Sse;

/// <summary>One dispatched server-sent event, as the WHATWG event-stream grammar defines it.</summary>
/// <remarks>
/// The memory points into the parser's buffers and is valid only until the parser is next called: copy what must
/// outlive the event.
/// </remarks>
/// <param name="EventType">The <c>event:</c> field; empty when absent (the event type is then <c>message</c>).</param>
/// <param name="Data">The <c>data:</c> lines joined with a line feed, without the final one.</param>
/// <param name="LastEventId">The last <c>id:</c> field seen in the stream so far; empty when none.</param>
public readonly record struct SseEvent(ReadOnlyMemory<byte> EventType, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> LastEventId);
