using System.Text.Json;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Anthropic Messages bodies as a real upstream sends them, for the fake upstream.</summary>
public static class AnthropicShapes
{
    public static string Message(string text, string model = "claude-test") => JsonSerializer.Serialize(new
    {
        id = "msg_1",
        type = "message",
        role = "assistant",
        content = new[] { new { type = "text", text } },
        model,
        stop_reason = "end_turn",
        stop_sequence = (string?)null,
        usage = new { input_tokens = 10, output_tokens = 5 },
    });

    public static IEnumerable<string> StreamEvents(IEnumerable<string> pieces, string model = "claude-test")
    {
        yield return Sse.Event("message_start", JsonSerializer.Serialize(new
        {
            type = "message_start",
            message = new
            {
                id = "msg_1",
                type = "message",
                role = "assistant",
                content = Array.Empty<object>(),
                model,
                stop_reason = (string?)null,
                stop_sequence = (string?)null,
                usage = new { input_tokens = 10, output_tokens = 1 },
            },
        }));
        yield return Sse.Event("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        yield return Sse.Event("ping", """{"type":"ping"}""");
        foreach (var piece in pieces)
        {
            yield return Sse.Event("content_block_delta", JsonSerializer.Serialize(new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = piece } }));
        }

        yield return Sse.Event("content_block_stop", """{"type":"content_block_stop","index":0}""");
        yield return Sse.Event("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}""");
        yield return Sse.Event("message_stop", """{"type":"message_stop"}""");
    }
}
