namespace Gatehouse.Protocols.Tests.Responses;

/// <summary>Responses API responses in the documented shapes.</summary>
internal static class OpenAIResponsesFixtures
{
    private const string Output = """
        [{"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"Weather needs a tool."}]},
         {"id":"msg_1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hello, wörld 🙂","annotations":[]}]},
         {"id":"fc_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_1","name":"get_weather"}]
        """;

    public static readonly string Stream = SseText.Typed(
        """{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","model":"gpt-5-codex","output":[],"usage":null}}""",
        """{"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_1","object":"response","status":"in_progress","model":"gpt-5-codex","output":[],"usage":null}}""",
        """{"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[]}}""",
        """{"type":"response.reasoning_summary_part.added","sequence_number":3,"item_id":"rs_1","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":""}}""",
        """{"type":"response.reasoning_summary_text.delta","sequence_number":4,"item_id":"rs_1","output_index":0,"summary_index":0,"delta":"Weather needs a tool."}""",
        """{"type":"response.reasoning_summary_text.done","sequence_number":5,"item_id":"rs_1","output_index":0,"summary_index":0,"text":"Weather needs a tool."}""",
        """{"type":"response.output_item.added","sequence_number":6,"output_index":1,"item":{"id":"msg_1","type":"message","status":"in_progress","role":"assistant","content":[]}}""",
        """{"type":"response.content_part.added","sequence_number":7,"item_id":"msg_1","output_index":1,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}}""",
        """{"type":"response.output_text.delta","sequence_number":8,"item_id":"msg_1","output_index":1,"content_index":0,"delta":"Hello"}""",
        """{"type":"response.output_text.delta","sequence_number":9,"item_id":"msg_1","output_index":1,"content_index":0,"delta":", wörld 🙂"}""",
        """{"type":"response.output_text.done","sequence_number":10,"item_id":"msg_1","output_index":1,"content_index":0,"text":"Hello, wörld 🙂"}""",
        """{"type":"response.output_item.added","sequence_number":11,"output_index":2,"item":{"id":"fc_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_1","name":"get_weather"}}""",
        """{"type":"response.function_call_arguments.delta","sequence_number":12,"item_id":"fc_1","output_index":2,"delta":"{\"city\":"}""",
        """{"type":"response.function_call_arguments.delta","sequence_number":13,"item_id":"fc_1","output_index":2,"delta":"\"Paris\"}"}""",
        """{"type":"response.function_call_arguments.done","sequence_number":14,"item_id":"fc_1","output_index":2,"arguments":"{\"city\":\"Paris\"}"}""",
        """{"type":"response.output_item.done","sequence_number":15,"output_index":2,"item":{"id":"fc_1","type":"function_call","status":"completed","arguments":"{\"city\":\"Paris\"}","call_id":"call_1","name":"get_weather"}}""",
        """{"type":"response.completed","sequence_number":16,"response":{"id":"resp_1","object":"response","status":"completed","model":"gpt-5-codex","output":""" + Output.ReplaceLineEndings("") + ""","usage":{"input_tokens":36,"output_tokens":87,"total_tokens":123,"output_tokens_details":{"reasoning_tokens":64}}}}""");

    public static readonly string Body = """
        {"id":"resp_1","object":"response","created_at":1700000000,"status":"completed","error":null,"incomplete_details":null,
         "model":"gpt-5-codex","output":
        """ + Output + """
        ,"usage":{"input_tokens":36,"output_tokens":87,"total_tokens":123}}
        """;

    public const string Expected =
        "model=gpt-5-codex|text=Hello, wörld 🙂|cut=False|reasoning=Weather needs a tool.|calls=call_1,get_weather,{\"city\":\"Paris\"}"
        + "|usage=TokenUsage { InputTokens = 36, OutputTokens = 87, TotalTokens = 123 }|finish=completed|unknown=0|error=";
}
