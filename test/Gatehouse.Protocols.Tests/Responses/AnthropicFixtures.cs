namespace Gatehouse.Protocols.Tests.Responses;

/// <summary>Messages responses in the documented shapes.</summary>
internal static class AnthropicFixtures
{
    public static readonly string Stream = SseText.Typed(
        """{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}""",
        """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}""",
        """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Weather needs a tool."}}""",
        """{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM"}}""",
        """{"type":"content_block_stop","index":0}""",
        """{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}""",
        """{"type": "ping"}""",
        """{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hello"}}""",
        """{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":", wörld 🙂"}}""",
        """{"type":"content_block_stop","index":1}""",
        """{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}}}""",
        """{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":""}}""",
        """{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"city\":"}}""",
        """{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"\"Paris\"}"}}""",
        """{"type":"content_block_stop","index":2}""",
        """{"type":"content_block_start","index":3,"content_block":{"type":"tool_use","id":"toolu_02","name":"get_time","input":{}}}""",
        """{"type":"content_block_stop","index":3}""",
        """{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}""",
        """{"type":"message_stop"}""");

    public const string Body = """
        {
          "id": "msg_1",
          "type": "message",
          "role": "assistant",
          "model": "claude-sonnet-4-5",
          "content": [
            {"type": "thinking", "thinking": "Weather needs a tool.", "signature": "EqQBCgIYAhIM"},
            {"type": "text", "text": "Hello, wörld 🙂"},
            {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city":"Paris"}},
            {"type": "tool_use", "id": "toolu_02", "name": "get_time", "input": {}}
          ],
          "stop_reason": "tool_use",
          "stop_sequence": null,
          "usage": {"input_tokens": 25, "output_tokens": 89, "cache_read_input_tokens": 0}
        }
        """;

    public const string Expected =
        "model=claude-sonnet-4-5|text=Hello, wörld 🙂|cut=False|reasoning=Weather needs a tool.|calls=toolu_01,get_weather,{\"city\":\"Paris\"};toolu_02,get_time,{}"
        + "|usage=TokenUsage { InputTokens = 25, OutputTokens = 89, TotalTokens = 114 }|finish=tool_use|unknown=0|error=";
}
