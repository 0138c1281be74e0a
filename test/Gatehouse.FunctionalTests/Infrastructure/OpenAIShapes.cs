using System.Text.Json;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>OpenAI Chat Completions bodies as a real upstream sends them, for the fake upstream.</summary>
public static class OpenAIShapes
{
    public static string Completion(string text, string model = "gpt-test") => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 11, completion_tokens = 7, total_tokens = 18 },
    });

    public static IEnumerable<string> StreamEvents(IEnumerable<string> pieces, string model = "gpt-test")
    {
        yield return Sse.Data(Chunk(new { role = "assistant", content = "" }, null, model));
        foreach (var piece in pieces)
        {
            yield return Sse.Data(Chunk(new { content = piece }, null, model));
        }

        yield return Sse.Data(Chunk(new { }, "stop", model));
        yield return "data: [DONE]\n\n";
    }

    public static string Chunk(object delta, string? finish, string model = "gpt-test") => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model,
        choices = new[] { new { index = 0, delta, finish_reason = finish } },
    });
}
