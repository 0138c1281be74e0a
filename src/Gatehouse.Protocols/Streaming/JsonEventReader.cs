using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Streaming;

/// <summary>The part every API's event reader shares: each event's data is one JSON object.</summary>
internal abstract class JsonEventReader : IStreamEventReader
{
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

        Read(document.RootElement, deltas);
        return document;
    }

    /// <summary>Reads an event whose data is not JSON (such as <c>[DONE]</c>); returns true when it did.</summary>
    protected virtual bool ReadSpecial(ReadOnlySpan<byte> data, ICollection<StreamDelta> deltas) => false;

    /// <summary>Reads one event's JSON object.</summary>
    protected abstract void Read(JsonElement data, ICollection<StreamDelta> deltas);
}
