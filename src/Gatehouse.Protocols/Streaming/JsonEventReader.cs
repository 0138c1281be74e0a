using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Streaming;

/// <summary>The part every API's event reader shares: each event's data is one JSON object.</summary>
internal abstract class JsonEventReader : IStreamEventReader
{
    public void Read(SseEvent sseEvent, ICollection<StreamDelta> deltas)
    {
        if (ReadSpecial(sseEvent, deltas))
        {
            return;
        }

        using var document = JsonBody.TryParse(sseEvent.Data, out var error);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            deltas.Add(StreamDelta.Failure($"malformed SSE event: data {error ?? "is not a JSON object"}"));
            return;
        }

        Read(document.RootElement, deltas);
    }

    /// <summary>Reads an event whose data is not JSON (such as <c>[DONE]</c>); returns true when it did.</summary>
    protected virtual bool ReadSpecial(SseEvent sseEvent, ICollection<StreamDelta> deltas) => false;

    /// <summary>Reads one event's JSON object.</summary>
    protected abstract void Read(JsonElement data, ICollection<StreamDelta> deltas);
}
