using System.Text;
using Gatehouse.Protocols;
using static Gatehouse.Gateway.Tests.ResponsePipeline.Pieces;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>Random event streams of each API: text (and reasoning) deltas, tool calls, usage, keep-alive comments.</summary>
internal static class StreamText
{
    public static string For(ApiKind api, SplitMix random)
    {
        var events = api switch
        {
            ApiKind.OpenAIChat => Chat(random),
            ApiKind.OpenAIResponses => Responses(random),
            _ => Anthropic(random),
        };
        var text = new StringBuilder();
        foreach (var e in events)
        {
            if (random.Chance(10))
            {
                text.Append(": keep-alive\n\n");
            }

            text.Append(e);
        }

        return random.Chance(15) ? text.Replace("\n", "\r\n").ToString() : text.ToString();
    }

    private static string Data(string json) => $"data: {json}\n\n";

    private static string Event(string name, string json) => $"event: {name}\ndata: {json}\n\n";

    private static List<string> Chat(SplitMix random)
    {
        const string Head = "\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-test\"";
        string Chunk(string delta, string finish = "null") => Data($"{{{Head},\"choices\":[{{\"index\":0,\"delta\":{delta},\"finish_reason\":{finish}}}]}}");
        var events = new List<string> { Chunk("{\"role\":\"assistant\",\"content\":\"\"}") };
        events.AddRange(Cut(Text(random), random).Select(p => Chunk($"{{\"content\":{Json(p)}}}")));
        var tools = random.Below(3);
        for (var i = 0; i < tools; i++)
        {
            events.Add(Chunk($"{{\"tool_calls\":[{{\"index\":{i},\"id\":\"call_{i}\",\"type\":\"function\",\"function\":{{\"name\":\"run\",\"arguments\":\"\"}}}}]}}"));
            events.AddRange(Cut(Arguments(random), random).Select(p => Chunk($"{{\"tool_calls\":[{{\"index\":{i},\"function\":{{\"arguments\":{Json(p)}}}}}]}}")));
        }

        events.Add(Chunk("{}", tools > 0 ? "\"tool_calls\"" : "\"stop\""));
        if (random.Chance(70))
        {
            events.Add(Data($"{{{Head},\"choices\":[],\"usage\":{{\"prompt_tokens\":11,\"completion_tokens\":{5 + random.Below(50)},\"total_tokens\":80}}}}"));
        }

        events.Add("data: [DONE]\n\n");
        return events;
    }

    private static List<string> Anthropic(SplitMix random)
    {
        var events = new List<string>
        {
            Event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}"),
        };
        var block = 0;
        if (random.Chance(30))
        {
            events.Add(Event("content_block_start", $"{{\"type\":\"content_block_start\",\"index\":{block},\"content_block\":{{\"type\":\"thinking\",\"thinking\":\"\"}}}}"));
            events.AddRange(Cut(Text(random), random).Select(p => Event("content_block_delta", $"{{\"type\":\"content_block_delta\",\"index\":{block},\"delta\":{{\"type\":\"thinking_delta\",\"thinking\":{Json(p)}}}}}")));
            events.Add(Event("content_block_stop", $"{{\"type\":\"content_block_stop\",\"index\":{block}}}"));
            block++;
        }

        events.Add(Event("content_block_start", $"{{\"type\":\"content_block_start\",\"index\":{block},\"content_block\":{{\"type\":\"text\",\"text\":\"\"}}}}"));
        events.AddRange(Cut(Text(random), random).Select(p => Event("content_block_delta", $"{{\"type\":\"content_block_delta\",\"index\":{block},\"delta\":{{\"type\":\"text_delta\",\"text\":{Json(p)}}}}}")));
        events.Add(Event("content_block_stop", $"{{\"type\":\"content_block_stop\",\"index\":{block}}}"));
        var tools = random.Below(3);
        for (var i = 0; i < tools; i++)
        {
            block++;
            events.Add(Event("content_block_start", $"{{\"type\":\"content_block_start\",\"index\":{block},\"content_block\":{{\"type\":\"tool_use\",\"id\":\"toolu_{i}\",\"name\":\"run\",\"input\":{{}}}}}}"));
            events.AddRange(Cut(Arguments(random), random).Select(p => Event("content_block_delta", $"{{\"type\":\"content_block_delta\",\"index\":{block},\"delta\":{{\"type\":\"input_json_delta\",\"partial_json\":{Json(p)}}}}}")));
            events.Add(Event("content_block_stop", $"{{\"type\":\"content_block_stop\",\"index\":{block}}}"));
        }

        if (random.Chance(20))
        {
            events.Add(Event("ping", "{\"type\":\"ping\"}"));
        }

        events.Add(Event("message_delta", $"{{\"type\":\"message_delta\",\"delta\":{{\"stop_reason\":\"{(tools > 0 ? "tool_use" : "end_turn")}\",\"stop_sequence\":null}},\"usage\":{{\"output_tokens\":{3 + random.Below(40)}}}}}"));
        events.Add(Event("message_stop", "{\"type\":\"message_stop\"}"));
        return events;
    }

    private static List<string> Responses(SplitMix random)
    {
        var events = new List<string>
        {
            Event("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"model\":\"gpt-test\",\"status\":\"in_progress\",\"output\":[]}}"),
        };
        var text = Text(random);
        events.Add(Event("response.output_item.added", "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}"));
        events.Add(Event("response.content_part.added", "{\"type\":\"response.content_part.added\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}"));
        events.AddRange(Cut(text, random).Select(p => Event("response.output_text.delta", $"{{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":{Json(p)}}}")));
        events.Add(Event("response.output_text.done", $"{{\"type\":\"response.output_text.done\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"text\":{Json(text)}}}"));
        events.Add(Event("response.content_part.done", $"{{\"type\":\"response.content_part.done\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"part\":{{\"type\":\"output_text\",\"text\":{Json(text)},\"annotations\":[]}}}}"));
        var message = $"{{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{{\"type\":\"output_text\",\"text\":{Json(text)},\"annotations\":[]}}]}}";
        events.Add(Event("response.output_item.done", $"{{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{message}}}"));
        var output = new List<string> { message };
        var tools = random.Below(3);
        for (var i = 0; i < tools; i++)
        {
            var index = i + 1;
            var arguments = Arguments(random);
            events.Add(Event("response.output_item.added", $"{{\"type\":\"response.output_item.added\",\"output_index\":{index},\"item\":{{\"id\":\"fc_{i}\",\"type\":\"function_call\",\"status\":\"in_progress\",\"call_id\":\"call_{i}\",\"name\":\"run\",\"arguments\":\"\"}}}}"));
            events.AddRange(Cut(arguments, random).Select(p => Event("response.function_call_arguments.delta", $"{{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_{i}\",\"output_index\":{index},\"delta\":{Json(p)}}}")));
            events.Add(Event("response.function_call_arguments.done", $"{{\"type\":\"response.function_call_arguments.done\",\"item_id\":\"fc_{i}\",\"output_index\":{index},\"arguments\":{Json(arguments)}}}"));
            var call = $"{{\"id\":\"fc_{i}\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_{i}\",\"name\":\"run\",\"arguments\":{Json(arguments)}}}";
            events.Add(Event("response.output_item.done", $"{{\"type\":\"response.output_item.done\",\"output_index\":{index},\"item\":{call}}}"));
            output.Add(call);
        }

        events.Add(Event("response.completed", $"{{\"type\":\"response.completed\",\"response\":{{\"id\":\"resp_1\",\"object\":\"response\",\"model\":\"gpt-test\",\"status\":\"completed\",\"output\":[{string.Join(',', output)}],\"usage\":{{\"input_tokens\":9,\"output_tokens\":{4 + random.Below(30)},\"total_tokens\":60}}}}}}"));
        return events;
    }
}
