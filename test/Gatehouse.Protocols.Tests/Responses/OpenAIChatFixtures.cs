namespace Gatehouse.Protocols.Tests.Responses;

/// <summary>Chat Completions responses in the documented shapes.</summary>
internal static class OpenAIChatFixtures
{
    private const string Head = """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_1","choices":""";

    public static readonly string Stream = SseText.Build(
        (null, Head + """[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}"""),
        (null, Head + """[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}"""),
        (null, Head + """[{"index":0,"delta":{"content":", wörld 🙂"},"logprobs":null,"finish_reason":null}],"usage":null}"""),
        (null, Head + """[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}],"usage":null}"""),
        (null, Head + """[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"finish_reason":null}],"usage":null}"""),
        (null, Head + """[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_def","type":"function","function":{"name":"get_time","arguments":"{}"}}]},"finish_reason":null}],"usage":null}"""),
        (null, Head + """[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"finish_reason":null}],"usage":null}"""),
        (null, Head + """[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}"""),
        (null, Head + """[],"usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19,"prompt_tokens_details":{"cached_tokens":0}}}"""),
        (null, "[DONE]"));

    public const string Body = """
        {
          "id": "chatcmpl-1",
          "object": "chat.completion",
          "created": 1700000000,
          "model": "gpt-4o-2024-08-06",
          "choices": [{
            "index": 0,
            "message": {
              "role": "assistant",
              "content": "Hello, wörld 🙂",
              "refusal": null,
              "tool_calls": [
                {"id": "call_abc", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}},
                {"id": "call_def", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}
              ]
            },
            "logprobs": null,
            "finish_reason": "tool_calls"
          }],
          "usage": {"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19}
        }
        """;

    public const string Expected =
        "model=gpt-4o-2024-08-06|text=Hello, wörld 🙂|cut=False|reasoning=|calls=call_abc,get_weather,{\"city\":\"Paris\"};call_def,get_time,{}"
        + "|usage=TokenUsage { InputTokens = 12, OutputTokens = 7, TotalTokens = 19 }|finish=tool_calls|unknown=0|error=";
}
