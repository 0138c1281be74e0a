using System.Text;
using System.Text.Json;
using Gatehouse.LoadBench.Agent;

namespace Gatehouse.LoadBench;

/// <summary>The request every target is sent and the canned answers the fake upstream gives, built once.</summary>
internal sealed class ChatPayloads
{
    private const string Model = "gpt-4o-mini-2024-07-18";

    /// <summary>The model a streamed request names to be answered at the streaming pass's pace.</summary>
    public const string PacedModel = "bench-paced";

    /// <summary>The model a streamed request names to be held open for the concurrent-streams pass.</summary>
    public const string HeldModel = "bench-held";

    private ChatPayloads(string request, string pacedRequest, string heldRequest, byte[] completion, byte[][] streamChunks, AnthropicAnswers anthropic)
    {
        Anthropic = anthropic;
        Request = request;
        PacedRequest = pacedRequest;
        HeldRequest = heldRequest;
        Completion = completion;
        StreamChunks = streamChunks;
    }

    /// <summary>Gets a small, realistic chat request: a system prompt, a user question, a temperature; not streamed.</summary>
    public string Request { get; }

    /// <summary>Gets the same request, streamed, naming <see cref="PacedModel"/>.</summary>
    public string PacedRequest { get; }

    /// <summary>Gets the same request, streamed, naming <see cref="HeldModel"/>.</summary>
    public string HeldRequest { get; }

    /// <summary>Gets a non-streamed chat completion whose answer text is the configured size.</summary>
    public byte[] Completion { get; }

    /// <summary>Gets the server-sent events of the same answer, about 64 bytes of text per event, ending with [DONE].</summary>
    public byte[][] StreamChunks { get; }

    /// <summary>Gets the same answer as Anthropic messages give it, for the agent sessions that speak that API.</summary>
    public AnthropicAnswers Anthropic { get; }

    public static ChatPayloads Create(int answerBytes)
    {
        var answer = Answer(answerBytes);
        return new ChatPayloads(RequestJson("gpt-4o-mini", stream: false), RequestJson(PacedModel, stream: true), RequestJson(HeldModel, stream: true),
            Encoding.UTF8.GetBytes(CompletionJson(answer)), Chunks(answer), AnthropicAnswers.Create(answer));
    }

    private static string RequestJson(string model, bool stream) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = model,
            ["temperature"] = 0.2,
            ["stream"] = stream,
            ["messages"] = new[]
            {
                new Dictionary<string, string> { ["role"] = "system", ["content"] = "You are a careful senior C# reviewer. Answer briefly." },
                new Dictionary<string, string> { ["role"] = "user", ["content"] = "Why does this method allocate on every call? public int Count(List<int> xs) => xs.Where(x => x > 0).Count();" },
            },
        });

    private static string Answer(int bytes)
    {
        const string Sentence = "The lambda captures nothing, but Where allocates an iterator and a delegate per call. ";
        var text = new StringBuilder(bytes + Sentence.Length);
        while (text.Length < bytes)
        {
            text.Append(Sentence);
        }

        return text.ToString(0, Math.Max(1, bytes));
    }

    private static string CompletionJson(string answer) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["id"] = "chatcmpl-bench",
        ["object"] = "chat.completion",
        ["created"] = 1764000000,
        ["model"] = Model,
        ["choices"] = new[]
        {
            new Dictionary<string, object>
            {
                ["index"] = 0,
                ["message"] = new Dictionary<string, string> { ["role"] = "assistant", ["content"] = answer },
                ["finish_reason"] = "stop",
            },
        },
        ["usage"] = new Dictionary<string, int> { ["prompt_tokens"] = 48, ["completion_tokens"] = answer.Length / 4, ["total_tokens"] = 48 + (answer.Length / 4) },
    });

    private static byte[][] Chunks(string answer)
    {
        var events = new List<byte[]>();
        for (var start = 0; start < answer.Length; start += 64)
        {
            var delta = answer.Substring(start, Math.Min(64, answer.Length - start));
            events.Add(Event(Chunk(new Dictionary<string, string> { ["content"] = delta }, null)));
        }

        events.Add(Event(Chunk(new Dictionary<string, string>(), "stop")));
        events.Add(Encoding.UTF8.GetBytes("data: [DONE]\n\n"));
        return [.. events];
    }

    private static string Chunk(Dictionary<string, string> delta, string? finish) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = "chatcmpl-bench",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1764000000,
        ["model"] = Model,
        ["choices"] = new[] { new Dictionary<string, object?> { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish } },
    });

    private static byte[] Event(string json) => Encoding.UTF8.GetBytes($"data: {json}\n\n");
}
