using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Reads Anthropic <c>usage</c> objects; the total is left for the summary to add up.</summary>
internal static class AnthropicUsage
{
    public static void Read(JsonElement? usage, ICollection<StreamDelta> deltas)
    {
        if (usage is { } value)
        {
            var tokens = new TokenUsage(value.Long("input_tokens"u8), value.Long("output_tokens"u8), null);
            deltas.Add(new StreamDelta(StreamDeltaKind.Usage, Usage: tokens));
        }
    }

    public static bool IsToolUse(string? blockType) => blockType is "tool_use" or "server_tool_use";
}
