using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAICompletions;

/// <summary>Reads a whole legacy Completions response (<c>text_completion</c>).</summary>
internal sealed class OpenAICompletionsBodyReader : JsonBodyReader
{
    public static readonly OpenAICompletionsBodyReader Instance = new();

    protected override void Read(JsonElement root, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        if (root.Object("error"u8) is not null)
        {
            deltas.Add(StreamDelta.Failure("upstream reported an error"));
            return;
        }

        if (root.Property("choices"u8, JsonValueKind.Array) is null)
        {
            deltas.Add(StreamDelta.Failure("response body is not a completion"));
            return;
        }

        deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, strings.String(root, "model"u8)));
        OpenAICompletionsChoice.ReadChoices(root, deltas, strings);
        deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
    }
}
