using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatehouse.Gateway.Demo;

/// <summary>The demo upstream's canned answers, in the OpenAI Chat Completions shapes.</summary>
internal static class DemoAnswers
{
    private const string Code = """
        Here is a small, tested helper:

        ```csharp
        public static int Clamp(int value, int min, int max)
        {
            if (min > max)
            {
                throw new ArgumentException("min must not exceed max");
            }

            return value < min ? min : value > max ? max : value;
        }
        ```

        This answer came from the Gatehouse demo upstream: it was authenticated, audited and forwarded like any other.
        """;

    // Readable in a terminal (curl): the demo's code has backticks and quotes that the default encoder escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Completion(string id, long created, string model) => JsonSerializer.Serialize(new
    {
        id,
        @object = "chat.completion",
        created,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content = Code }, finish_reason = "stop" } },
        usage = Usage(),
    }, Json);

    public static IEnumerable<string> StreamChunks(string id, long created, string model)
    {
        yield return Chunk(id, created, model, new { role = "assistant", content = "" }, null);
        foreach (var piece in Pieces(Code, 24))
        {
            yield return Chunk(id, created, model, new { content = piece }, null);
        }

        yield return Chunk(id, created, model, new { }, "stop");
        yield return JsonSerializer.Serialize(new { id, @object = "chat.completion.chunk", created, model, choices = Array.Empty<object>(), usage = Usage() });
    }

    public static string ModelList(string model)
        => JsonSerializer.Serialize(new { @object = "list", data = new[] { new { id = model, @object = "model", created = 0, owned_by = "gatehouse" } } });

    public static string Error(string message)
        => JsonSerializer.Serialize(new { error = new { message, type = "invalid_request_error", code = "not_found" } });

    private static string Chunk(string id, long created, string model, object delta, string? finish) => JsonSerializer.Serialize(new
    {
        id,
        @object = "chat.completion.chunk",
        created,
        model,
        choices = new[] { new { index = 0, delta, finish_reason = finish } },
    }, Json);

    private static object Usage() => new { prompt_tokens = 12, completion_tokens = 96, total_tokens = 108 };

    private static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
