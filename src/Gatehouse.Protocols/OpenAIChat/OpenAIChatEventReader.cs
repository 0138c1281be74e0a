using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Reads Chat Completions stream chunks: <c>data:</c> JSON chunks ended by <c>data: [DONE]</c>.</summary>
internal sealed class OpenAIChatEventReader : JsonEventReader
{
    // Every chunk repeats the model; reading it once saves a string per chunk.
    private bool _modelRead;

    protected override bool ReadSpecial(ReadOnlySpan<byte> data, ICollection<StreamDelta> deltas)
    {
        if (!data.SequenceEqual("[DONE]"u8))
        {
            return false;
        }

        deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
        return true;
    }

    protected override void Read(JsonElement data, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        if (data.Object("error"u8) is not null)
        {
            deltas.Add(StreamDelta.Failure("upstream reported an error event"));
            return;
        }

        if (data.Property("choices"u8, JsonValueKind.Array) is null)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.Unknown));
            return;
        }

        if (!_modelRead && strings.String(data, "model"u8) is { } model)
        {
            _modelRead = true;
            deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, model));
        }

        foreach (var choice in data.Array("choices"u8))
        {
            OpenAIChatChoice.Read(choice, "delta"u8, deltas, strings);
        }

        if (data.Object("usage"u8) is { } usage)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.Usage, Usage: OpenAIChatChoice.Usage(usage)));
        }
    }
}
