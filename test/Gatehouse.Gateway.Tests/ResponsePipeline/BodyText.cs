using Gatehouse.Protocols;
using static Gatehouse.Gateway.Tests.ResponsePipeline.Pieces;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>Random whole (not streamed) JSON responses of each API, with secrets in text and tool arguments.</summary>
internal static class BodyText
{
    public static string For(ApiKind api, SplitMix random)
    {
        var text = Json(Text(random));
        var tools = random.Below(3);
        var arguments = Enumerable.Range(0, tools).Select(_ => Arguments(random)).ToList();
        return api switch
        {
            ApiKind.OpenAIChat => "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + text
                + (tools == 0 ? "" : ",\"tool_calls\":[" + string.Join(',', arguments.Select((a, i) => $"{{\"id\":\"call_{i}\",\"type\":\"function\",\"function\":{{\"name\":\"run\",\"arguments\":{Json(a)}}}}}")) + "]")
                + $"}},\"finish_reason\":\"{(tools > 0 ? "tool_calls" : "stop")}\"}}],\"usage\":{{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}}}",
            ApiKind.OpenAIResponses => "{\"id\":\"resp_1\",\"object\":\"response\",\"model\":\"gpt-test\",\"status\":\"completed\",\"output\":[{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":"
                + text + ",\"annotations\":[]}]}"
                + string.Concat(arguments.Select((a, i) => $",{{\"id\":\"fc_{i}\",\"type\":\"function_call\",\"call_id\":\"call_{i}\",\"name\":\"run\",\"arguments\":{Json(a)}}}"))
                + "],\"usage\":{\"input_tokens\":9,\"output_tokens\":7,\"total_tokens\":16}}",
            _ => "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[{\"type\":\"text\",\"text\":"
                + text + "}"
                + string.Concat(arguments.Select((a, i) => $",{{\"type\":\"tool_use\",\"id\":\"toolu_{i}\",\"name\":\"run\",\"input\":{a}}}"))
                + $"],\"stop_reason\":\"{(tools > 0 ? "tool_use" : "end_turn")}\",\"stop_sequence\":null,\"usage\":{{\"input_tokens\":12,\"output_tokens\":7}}}}",
        };
    }
}
