using System.Text;
using System.Text.Json;

namespace Gatehouse.LoadBench.Agent;

/// <summary>The fake upstream's canned Anthropic answers: one message, and the same message as its stream of events.</summary>
internal sealed class AnthropicAnswers
{
    private AnthropicAnswers(byte[] message, byte[][] events)
    {
        Message = message;
        Events = events;
    }

    /// <summary>Gets a non-streamed <c>"type": "message"</c> answer.</summary>
    public byte[] Message { get; }

    /// <summary>Gets the same answer as server-sent events, <c>message_start</c> to <c>message_stop</c>, about 64 bytes of text per delta.</summary>
    public byte[][] Events { get; }

    public static AnthropicAnswers Create(string answer)
    {
        var message = Json(new Dictionary<string, object?>
        {
            ["id"] = "msg_bench",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = AgentWire.AnthropicModel,
            ["content"] = new[] { new Dictionary<string, object> { ["type"] = "text", ["text"] = answer } },
            ["stop_reason"] = "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = new Dictionary<string, int> { ["input_tokens"] = 12_000, ["output_tokens"] = answer.Length / 4 },
        });
        var events = new List<byte[]>
        {
            Event("message_start", new Dictionary<string, object?>
            {
                ["type"] = "message_start",
                ["message"] = new Dictionary<string, object?>
                {
                    ["id"] = "msg_bench", ["type"] = "message", ["role"] = "assistant", ["model"] = AgentWire.AnthropicModel,
                    ["content"] = Array.Empty<object>(), ["stop_reason"] = null, ["stop_sequence"] = null,
                    ["usage"] = new Dictionary<string, int> { ["input_tokens"] = 12_000, ["output_tokens"] = 1 },
                },
            }),
            Event("content_block_start", new Dictionary<string, object>
            {
                ["type"] = "content_block_start", ["index"] = 0,
                ["content_block"] = new Dictionary<string, string> { ["type"] = "text", ["text"] = "" },
            }),
        };
        for (var start = 0; start < answer.Length; start += 64)
        {
            events.Add(Event("content_block_delta", new Dictionary<string, object>
            {
                ["type"] = "content_block_delta", ["index"] = 0,
                ["delta"] = new Dictionary<string, string> { ["type"] = "text_delta", ["text"] = answer.Substring(start, Math.Min(64, answer.Length - start)) },
            }));
        }

        events.Add(Event("content_block_stop", new Dictionary<string, object> { ["type"] = "content_block_stop", ["index"] = 0 }));
        events.Add(Event("message_delta", new Dictionary<string, object>
        {
            ["type"] = "message_delta",
            ["delta"] = new Dictionary<string, object?> { ["stop_reason"] = "end_turn", ["stop_sequence"] = null },
            ["usage"] = new Dictionary<string, int> { ["output_tokens"] = answer.Length / 4 },
        }));
        events.Add(Event("message_stop", new Dictionary<string, object> { ["type"] = "message_stop" }));
        return new AnthropicAnswers(message, [.. events]);
    }

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static byte[] Event(string name, object data) => Encoding.UTF8.GetBytes($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");
}
