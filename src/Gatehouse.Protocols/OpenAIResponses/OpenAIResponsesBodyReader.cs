using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Reads a whole Responses API response (<c>"object": "response"</c>).</summary>
internal sealed class OpenAIResponsesBodyReader : JsonBodyReader
{
    public static readonly OpenAIResponsesBodyReader Instance = new();

    protected override void Read(JsonElement root, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        if (root.Property("output"u8, JsonValueKind.Array) is null)
        {
            var error = root.Object("error"u8) is not null ? "upstream reported an error" : "response body is not a response";
            deltas.Add(StreamDelta.Failure(error));
            return;
        }

        OpenAIResponsesOutput.ReadResponse(root, includeOutput: true, deltas, strings);
        deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
    }
}
