using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Streaming;

/// <summary>The part every API's event reader shares: each event's data is one JSON object.</summary>
/// <remarks>
/// A reader reads every string through the <see cref="EditedStrings"/> it is given, so that it can read an event from
/// the rewriter's parse of the upstream's bytes and see the masked text (<see cref="ReadParsed"/>), as it would from
/// the rewritten bytes.
/// </remarks>
internal abstract class JsonEventReader : IStreamEventReader
{
    /// <summary>
    /// Gets whether the reader reads only values <see cref="EditedStrings"/> can give as edited (strings, numbers,
    /// structure), so that it may read a masked event from the rewriter's parse; false for a reader that reads raw JSON.
    /// </summary>
    public virtual bool ReadsEditedStrings => true;

    public void Read(SseEvent sseEvent, ICollection<StreamDelta> deltas)
    {
        using var document = ReadKept(sseEvent.Data, deltas);
    }

    /// <summary>
    /// Reads one event's data and returns its parsed JSON object, or null when it had none (such as <c>[DONE]</c>) or
    /// was malformed; the caller disposes it. Stages that look at the same event (a hold's refusal) use this parse
    /// rather than parsing the event again.
    /// </summary>
    public JsonDocument? ReadKept(ReadOnlyMemory<byte> data, ICollection<StreamDelta> deltas)
    {
        if (ReadSpecial(data.Span, deltas))
        {
            return null;
        }

        var document = JsonBody.TryParse(data, out var error);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document?.Dispose();
            deltas.Add(StreamDelta.Failure($"malformed SSE event: data {error ?? "is not a JSON object"}"));
            return null;
        }

        Read(document.RootElement, default, deltas);
        return document;
    }

    /// <summary>
    /// Reads one event's data, a JSON object someone else parsed (the stream rewriter, which checked that it is one),
    /// with its strings as <paramref name="strings"/> gives them.
    /// </summary>
    public void ReadParsed(JsonElement data, EditedStrings strings, ICollection<StreamDelta> deltas) => Read(data, strings, deltas);

    /// <summary>Reads an event whose data is not JSON (such as <c>[DONE]</c>); returns true when it did.</summary>
    protected virtual bool ReadSpecial(ReadOnlySpan<byte> data, ICollection<StreamDelta> deltas) => false;

    /// <summary>Reads one event's JSON object, each of its strings through <paramref name="strings"/>.</summary>
    protected abstract void Read(JsonElement data, EditedStrings strings, ICollection<StreamDelta> deltas);
}
