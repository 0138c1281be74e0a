namespace Gatehouse.Protocols.Tests.Responses;

/// <summary>Legacy Completions responses in the documented shapes (a stream as Copilot's inline completions send it).</summary>
internal static class OpenAICompletionsFixtures
{
    // Copilot's chunks carry no "object"; OpenAI's say "text_completion". Both are read alike.
    private const string Head = """{"id":"cmpl-1","created":1700000000,"model":"gpt-35-turbo","choices":""";

    public static readonly string Stream = SseText.Build(
        (null, Head + """[{"index":0,"finish_reason":null,"logprobs":null,"text":"Hello"}]}"""),
        (null, Head + """[{"index":0,"finish_reason":null,"logprobs":null,"text":", wörld 🙂"}]}"""),
        (null, Head + """[{"index":0,"finish_reason":"stop","logprobs":null,"text":""}]}"""),
        (null, Head + """[],"usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19}}"""),
        (null, "[DONE]"));

    public const string Body = """
        {
          "id": "cmpl-1",
          "object": "text_completion",
          "created": 1700000000,
          "model": "gpt-35-turbo",
          "choices": [{"text": "Hello, wörld 🙂", "index": 0, "logprobs": null, "finish_reason": "stop"}],
          "usage": {"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19}
        }
        """;

    public const string Expected =
        "model=gpt-35-turbo|text=Hello, wörld 🙂|cut=False|reasoning=|calls="
        + "|usage=TokenUsage { InputTokens = 12, OutputTokens = 7, TotalTokens = 19 }|finish=stop|unknown=0|error=";
}
