using System.Text;
using Gatehouse.Protocols;
using static Gatehouse.Gateway.Tests.ResponsePipeline.Pieces;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>
/// Random event streams in which masking edits every field the capture and the hold read: text, reasoning and refusal
/// deltas, tool-call arguments and custom tool input (function, custom and legacy <c>function_call</c>), the text a
/// finish chunk carries (edited twice: masked, then the channel's tail appended), Anthropic block starts that carry
/// text, Responses <c>.done</c>, part, item and final events, and token log probabilities (dropped), for every API
/// with streams (chat, Responses, Anthropic messages, legacy completions).
/// </summary>
internal static class EditedStreamText
{
    public static readonly ApiKind[] Apis = [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages, ApiKind.OpenAICompletions];

    public static string For(ApiKind api, SplitMix random)
    {
        var events = api switch
        {
            ApiKind.OpenAIChat => Chat(random),
            ApiKind.OpenAIResponses => Responses(random),
            ApiKind.OpenAICompletions => Completions(random),
            _ => Anthropic(random),
        };
        var text = new StringBuilder();
        foreach (var e in events)
        {
            if (random.Chance(8))
            {
                text.Append(": keep-alive\n\n");
            }

            text.Append(e);
        }

        return random.Chance(15) ? text.Replace("\n", "\r\n").ToString() : text.ToString();
    }

    /// <summary>Text that holds the secret at least once, among random words.</summary>
    private static string Secretive(SplitMix random) => $"{Text(random)} {Secret} {Text(random)}";

    private static string SecretArguments(SplitMix random)
        => $"{{\"cmd\":{Json("echo " + Secret)},\"path\":{Json("/tmp/" + Text(random))}}}";

    private static string Data(string json) => $"data: {json}\n\n";

    private static string Event(string name, string json) => $"event: {name}\ndata: {json}\n\n";

    private static string Logprobs(SplitMix random)
        => random.Chance(50) ? "" : $",\"logprobs\":{{\"content\":[{{\"token\":{Json(Secret[..4])},\"logprob\":-0.5,\"bytes\":[97,99],\"top_logprobs\":[]}}]}}";

    private static List<string> Chat(SplitMix random)
    {
        const string Head = "\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1700000001,\"model\":\"gpt-edit\"";
        string Chunk(string delta, string finish = "null", string extra = "")
            => Data($"{{{Head},\"choices\":[{{\"index\":0,\"delta\":{delta}{extra},\"finish_reason\":{finish}}}]}}");
        var events = new List<string> { Chunk("{\"role\":\"assistant\",\"content\":\"\"}") };
        if (random.Chance(50))
        {
            events.AddRange(Cut(Secretive(random), random).Select(p => Chunk($"{{\"reasoning_content\":{Json(p)}}}")));
        }

        events.AddRange(Cut(Secretive(random), random).Select(p => Chunk($"{{\"content\":{Json(p)}}}", extra: Logprobs(random))));
        if (random.Chance(30))
        {
            events.AddRange(Cut(Secretive(random), random).Select(p => Chunk($"{{\"refusal\":{Json(p)}}}")));
        }

        var tools = random.Below(3);
        for (var i = 0; i < tools; i++)
        {
            if (random.Chance(50))
            {
                events.Add(Chunk($"{{\"tool_calls\":[{{\"index\":{i},\"id\":\"call_{i}\",\"type\":\"function\",\"function\":{{\"name\":\"run\",\"arguments\":\"\"}}}}]}}"));
                events.AddRange(Cut(SecretArguments(random), random).Select(p => Chunk($"{{\"tool_calls\":[{{\"index\":{i},\"function\":{{\"arguments\":{Json(p)}}}}}]}}")));
            }
            else
            {
                events.Add(Chunk($"{{\"tool_calls\":[{{\"index\":{i},\"id\":\"call_{i}\",\"type\":\"custom\",\"custom\":{{\"name\":\"shell\",\"input\":\"\"}}}}]}}"));
                events.AddRange(Cut("run " + Secretive(random), random).Select(p => Chunk($"{{\"tool_calls\":[{{\"index\":{i},\"custom\":{{\"input\":{Json(p)}}}}}]}}")));
            }
        }

        if (tools == 0 && random.Chance(30))
        {
            events.Add(Chunk("{\"function_call\":{\"name\":\"legacy\",\"arguments\":\"\"}}"));
            events.AddRange(Cut(SecretArguments(random), random).Select(p => Chunk($"{{\"function_call\":{{\"arguments\":{Json(p)}}}}}")));
        }

        // A finish chunk that carries text: the channel's held-back tail is appended to its masked text.
        var last = random.Chance(50) ? $"{{\"content\":{Json(Text(random))}}}" : "{}";
        events.Add(Chunk(last, tools > 0 ? "\"tool_calls\"" : "\"stop\""));
        if (random.Chance(70))
        {
            events.Add(Data($"{{{Head},\"choices\":[],\"usage\":{{\"prompt_tokens\":11,\"completion_tokens\":{5 + random.Below(50)},\"total_tokens\":80}}}}"));
        }

        events.Add("data: [DONE]\n\n");
        return events;
    }

    private static List<string> Completions(SplitMix random)
    {
        const string Head = "\"id\":\"cmpl-7\",\"object\":\"text_completion\",\"created\":1700000002,\"model\":\"gpt-inline\"";
        string Chunk(string text, string finish = "null", string logprobs = "null")
            => Data($"{{{Head},\"choices\":[{{\"text\":{Json(text)},\"index\":0,\"logprobs\":{logprobs},\"finish_reason\":{finish}}}]}}");
        var events = Cut(Secretive(random), random)
            .Select(p => Chunk(p, logprobs: random.Chance(40) ? $"{{\"tokens\":[{Json(Secret[..5])}],\"token_logprobs\":[-0.1]}}" : "null"))
            .ToList();
        events.Add(Chunk(random.Chance(50) ? Text(random) : "", "\"stop\""));
        events.Add("data: [DONE]\n\n");
        return events;
    }

    private static List<string> Anthropic(SplitMix random)
    {
        var events = new List<string>
        {
            Event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_7\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-edit\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}"),
        };
        var block = 0;
        if (random.Chance(50))
        {
            var thinking = Cut(Secretive(random), random);
            events.Add(Event("content_block_start", $"{{\"type\":\"content_block_start\",\"index\":{block},\"content_block\":{{\"type\":\"thinking\",\"thinking\":{Json(thinking[0])}}}}}"));
            events.AddRange(thinking.Skip(1).Select(p => Event("content_block_delta", $"{{\"type\":\"content_block_delta\",\"index\":{block},\"delta\":{{\"type\":\"thinking_delta\",\"thinking\":{Json(p)}}}}}")));
            events.Add(Event("content_block_delta", $"{{\"type\":\"content_block_delta\",\"index\":{block},\"delta\":{{\"type\":\"signature_delta\",\"signature\":\"c2lnbg==\"}}}}"));
            events.Add(Event("content_block_stop", $"{{\"type\":\"content_block_stop\",\"index\":{block}}}"));
            block++;
        }

        // The block start carries the first piece of text, which opens the block's channel.
        var text = Cut(Secretive(random), random);
        events.Add(Event("content_block_start", $"{{\"type\":\"content_block_start\",\"index\":{block},\"content_block\":{{\"type\":\"text\",\"text\":{Json(text[0])}}}}}"));
        events.AddRange(text.Skip(1).Select(p => Event("content_block_delta", $"{{\"type\":\"content_block_delta\",\"index\":{block},\"delta\":{{\"type\":\"text_delta\",\"text\":{Json(p)}}}}}")));
        if (random.Chance(30))
        {
            events.Add(Event("content_block_delta", $"{{\"type\":\"content_block_delta\",\"index\":{block},\"delta\":{{\"type\":\"citations_delta\",\"citation\":{{\"type\":\"char_location\",\"cited_text\":{Json(Secretive(random))},\"document_index\":0,\"start_char_index\":0,\"end_char_index\":9}}}}}}"));
        }

        events.Add(Event("content_block_stop", $"{{\"type\":\"content_block_stop\",\"index\":{block}}}"));
        var tools = random.Below(3);
        for (var i = 0; i < tools; i++)
        {
            block++;
            var input = random.Chance(30) ? $"{{\"preset\":{Json(Secret)}}}" : "{}";
            events.Add(Event("content_block_start", $"{{\"type\":\"content_block_start\",\"index\":{block},\"content_block\":{{\"type\":\"tool_use\",\"id\":\"toolu_{i}\",\"name\":\"run\",\"input\":{input}}}}}"));
            events.AddRange(Cut(SecretArguments(random), random).Select(p => Event("content_block_delta", $"{{\"type\":\"content_block_delta\",\"index\":{block},\"delta\":{{\"type\":\"input_json_delta\",\"partial_json\":{Json(p)}}}}}")));
            events.Add(Event("content_block_stop", $"{{\"type\":\"content_block_stop\",\"index\":{block}}}"));
        }

        events.Add(Event("message_delta", $"{{\"type\":\"message_delta\",\"delta\":{{\"stop_reason\":\"{(tools > 0 ? "tool_use" : "end_turn")}\",\"stop_sequence\":null}},\"usage\":{{\"output_tokens\":{3 + random.Below(40)}}}}}"));
        events.Add(Event("message_stop", "{\"type\":\"message_stop\"}"));
        return events;
    }

    private static List<string> Responses(SplitMix random)
    {
        var events = new List<string>
        {
            Event("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_7\",\"object\":\"response\",\"model\":\"gpt-edit\",\"status\":\"in_progress\",\"output\":[]}}"),
        };
        var output = new List<string>();
        var index = 0;
        if (random.Chance(50))
        {
            var summary = Secretive(random);
            events.Add(Event("response.output_item.added", $"{{\"type\":\"response.output_item.added\",\"output_index\":{index},\"item\":{{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}}}}"));
            events.Add(Event("response.reasoning_summary_part.added", $"{{\"type\":\"response.reasoning_summary_part.added\",\"item_id\":\"rs_1\",\"output_index\":{index},\"summary_index\":0,\"part\":{{\"type\":\"summary_text\",\"text\":\"\"}}}}"));
            events.AddRange(Cut(summary, random).Select(p => Event("response.reasoning_summary_text.delta", $"{{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"output_index\":{index},\"summary_index\":0,\"delta\":{Json(p)}}}")));
            events.Add(Event("response.reasoning_summary_text.done", $"{{\"type\":\"response.reasoning_summary_text.done\",\"item_id\":\"rs_1\",\"output_index\":{index},\"summary_index\":0,\"text\":{Json(summary)}}}"));
            events.Add(Event("response.reasoning_summary_part.done", $"{{\"type\":\"response.reasoning_summary_part.done\",\"item_id\":\"rs_1\",\"output_index\":{index},\"summary_index\":0,\"part\":{{\"type\":\"summary_text\",\"text\":{Json(summary)}}}}}"));
            var item = $"{{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[{{\"type\":\"summary_text\",\"text\":{Json(summary)}}}]}}";
            events.Add(Event("response.output_item.done", $"{{\"type\":\"response.output_item.done\",\"output_index\":{index},\"item\":{item}}}"));
            output.Add(item);
            index++;
        }

        var refusal = random.Chance(25);
        var (delta, done, field, partType) = refusal
            ? ("response.refusal.delta", "response.refusal.done", "refusal", "refusal")
            : ("response.output_text.delta", "response.output_text.done", "text", "output_text");
        var text = Secretive(random);
        var annotations = refusal ? "" : ",\"annotations\":[]";
        events.Add(Event("response.output_item.added", $"{{\"type\":\"response.output_item.added\",\"output_index\":{index},\"item\":{{\"id\":\"msg_7\",\"type\":\"message\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}}}"));
        events.Add(Event("response.content_part.added", $"{{\"type\":\"response.content_part.added\",\"item_id\":\"msg_7\",\"output_index\":{index},\"content_index\":0,\"part\":{{\"type\":\"{partType}\",\"{field}\":\"\"{annotations}}}}}"));
        events.AddRange(Cut(text, random).Select(p => Event(delta, $"{{\"type\":\"{delta}\",\"item_id\":\"msg_7\",\"output_index\":{index},\"content_index\":0,\"delta\":{Json(p)}{(refusal || random.Chance(50) ? "" : $",\"logprobs\":[{{\"token\":{Json(Secret[..4])},\"logprob\":-0.2}}]")}}}")));
        events.Add(Event(done, $"{{\"type\":\"{done}\",\"item_id\":\"msg_7\",\"output_index\":{index},\"content_index\":0,\"{field}\":{Json(text)}}}"));
        var part = $"{{\"type\":\"{partType}\",\"{field}\":{Json(text)}{annotations}}}";
        events.Add(Event("response.content_part.done", $"{{\"type\":\"response.content_part.done\",\"item_id\":\"msg_7\",\"output_index\":{index},\"content_index\":0,\"part\":{part}}}"));
        var message = $"{{\"id\":\"msg_7\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{part}]}}";
        events.Add(Event("response.output_item.done", $"{{\"type\":\"response.output_item.done\",\"output_index\":{index},\"item\":{message}}}"));
        output.Add(message);
        var tools = random.Below(3);
        for (var i = 0; i < tools; i++)
        {
            index++;
            var custom = random.Chance(40);
            var arguments = custom ? "run " + Secretive(random) : SecretArguments(random);
            var (type, argumentField, deltaType, doneType) = custom
                ? ("custom_tool_call", "input", "response.custom_tool_call_input.delta", "response.custom_tool_call_input.done")
                : ("function_call", "arguments", "response.function_call_arguments.delta", "response.function_call_arguments.done");
            events.Add(Event("response.output_item.added", $"{{\"type\":\"response.output_item.added\",\"output_index\":{index},\"item\":{{\"id\":\"fc_{i}\",\"type\":\"{type}\",\"status\":\"in_progress\",\"call_id\":\"call_{i}\",\"name\":\"run\",\"{argumentField}\":\"\"}}}}"));
            events.AddRange(Cut(arguments, random).Select(p => Event(deltaType, $"{{\"type\":\"{deltaType}\",\"item_id\":\"fc_{i}\",\"output_index\":{index},\"delta\":{Json(p)}}}")));
            events.Add(Event(doneType, $"{{\"type\":\"{doneType}\",\"item_id\":\"fc_{i}\",\"output_index\":{index},\"{argumentField}\":{Json(arguments)}}}"));
            var call = $"{{\"id\":\"fc_{i}\",\"type\":\"{type}\",\"status\":\"completed\",\"call_id\":\"call_{i}\",\"name\":\"run\",\"{argumentField}\":{Json(arguments)}}}";
            events.Add(Event("response.output_item.done", $"{{\"type\":\"response.output_item.done\",\"output_index\":{index},\"item\":{call}}}"));
            output.Add(call);
        }

        events.Add(Event("response.completed", $"{{\"type\":\"response.completed\",\"sequence_number\":99,\"response\":{{\"id\":\"resp_7\",\"object\":\"response\",\"model\":\"gpt-edit\",\"status\":\"completed\",\"output\":[{string.Join(',', output)}],\"usage\":{{\"input_tokens\":9,\"output_tokens\":{4 + random.Below(30)},\"total_tokens\":60}}}}}}"));
        return events;
    }
}
