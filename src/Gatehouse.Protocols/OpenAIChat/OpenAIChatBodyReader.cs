using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Reads a whole Chat Completions response (<c>chat.completion</c>).</summary>
internal sealed class OpenAIChatBodyReader : JsonBodyReader
{
    public static readonly OpenAIChatBodyReader Instance = new();

    protected override void Read(JsonElement root, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        if (root.Object("error"u8) is not null)
        {
            deltas.Add(StreamDelta.Failure("upstream reported an error"));
            return;
        }

        if (root.Property("choices"u8, JsonValueKind.Array) is null)
        {
            deltas.Add(StreamDelta.Failure("response body is not a chat completion"));
            return;
        }

        deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, strings.String(root, "model"u8)));
        foreach (var choice in root.Array("choices"u8))
        {
            OpenAIChatChoice.Read(choice, "message"u8, deltas, strings);
        }

        if (root.Object("usage"u8) is { } usage)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.Usage, Usage: OpenAIChatChoice.Usage(usage)));
        }

        deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
    }
}
