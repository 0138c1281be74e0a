using System.Text.Json;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Upstream answers that carry a tool call, in each API's shape, for the fake upstream.</summary>
public static class ToolCallShapes
{
    public static string EditArguments(string path) => JsonSerializer.Serialize(new { path, content = "return true;" });

    public static string ChatCompletion(string tool, string arguments) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-9",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "gpt-test",
        choices = new[]
        {
            new
            {
                index = 0,
                message = new
                {
                    role = "assistant",
                    content = (string?)null,
                    tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = tool, arguments } } },
                },
                finish_reason = "tool_calls",
            },
        },
        usage = new { prompt_tokens = 11, completion_tokens = 7, total_tokens = 18 },
    });

    /// <summary>A chat stream: the text first, then the tool call in two argument pieces, then the end.</summary>
    public static IEnumerable<string> ChatStream(string text, string tool, string arguments)
    {
        var half = arguments.Length / 2;
        yield return Sse.Data(OpenAIShapes.Chunk(new { role = "assistant", content = "" }, null));
        yield return Sse.Data(OpenAIShapes.Chunk(new { content = text }, null));
        yield return Sse.Data(OpenAIShapes.Chunk(new { tool_calls = new[] { new { index = 0, id = "call_1", type = "function", function = new { name = tool, arguments = arguments[..half] } } } }, null));
        yield return Sse.Data(OpenAIShapes.Chunk(new { tool_calls = new[] { new { index = 0, function = new { arguments = arguments[half..] } } } }, null));
        yield return Sse.Data(OpenAIShapes.Chunk(new { }, "tool_calls"));
        yield return "data: [DONE]\n\n";
    }

    /// <summary>A Messages stream: a text block, then a tool_use block, then the end.</summary>
    public static IEnumerable<string> AnthropicStream(string text, string tool, string arguments)
    {
        var events = AnthropicShapes.StreamEvents([text]).ToList();
        var stop = events.FindIndex(e => e.StartsWith("event: content_block_stop", StringComparison.Ordinal));
        foreach (var e in events.Take(stop + 1))
        {
            yield return e;
        }

        yield return Sse.Event("content_block_start", JsonSerializer.Serialize(new
        {
            type = "content_block_start", index = 1, content_block = new { type = "tool_use", id = "toolu_1", name = tool, input = new { } },
        }));
        yield return Sse.Event("content_block_delta", JsonSerializer.Serialize(new
        {
            type = "content_block_delta", index = 1, delta = new { type = "input_json_delta", partial_json = arguments },
        }));
        yield return Sse.Event("content_block_stop", """{"type":"content_block_stop","index":1}""");
        yield return Sse.Event("message_delta", """{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":15}}""");
        yield return Sse.Event("message_stop", """{"type":"message_stop"}""");
    }
}
