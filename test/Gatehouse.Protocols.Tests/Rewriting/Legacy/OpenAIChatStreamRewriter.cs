// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites Chat Completions chunks: content, reasoning, tool-call argument and custom tool input deltas per choice.</summary>
/// <remarks>
/// A choice's channels end with its <c>finish_reason</c>: text they still hold goes into that chunk's own fields when
/// it has them, else into a synthetic chunk just before it; <c>[DONE]</c> and the end of the body flush the rest.
/// Token log probabilities are dropped from every chunk (see <see cref="OpenAIChatChoices.DropLogprobs"/>).
/// </remarks>
internal sealed class OpenAIChatStreamRewriter : StreamRewriter
{
    private JsonObject _last = new() { ["object"] = "chat.completion.chunk" };

    public OpenAIChatStreamRewriter(ITextRewriter rewriter)
        : base(rewriter, keepReleased: false)
    {
    }

    public override void Complete(SseEventWriter writer) => Release(Channels.Open.ToList(), writer);

    protected override bool RewriteSpecial(SseEvent sseEvent, SseEventWriter writer)
    {
        if (!sseEvent.Data.Span.SequenceEqual("[DONE]"u8))
        {
            return false;
        }

        Complete(writer);
        writer.Write(sseEvent.EventType.Span, sseEvent.Data.Span);
        return true;
    }

    protected override bool Rewrite(JsonObject data, SseEventWriter writer)
    {
        if (data["choices"] is not JsonArray choices)
        {
            Fields.UnknownShapes += data["error"] is JsonObject ? 0 : 1;
            return false;
        }

        _last = data;
        var changed = false;
        for (var position = 0; position < choices.Count; position++)
        {
            if (choices[position] is not JsonObject choice)
            {
                Fields.UnknownShapes++;
                continue;
            }

            var index = OpenAIChatChoices.Index(choice, position);
            changed |= OpenAIChatChoices.DropLogprobs(choice);
            var delta = choice["delta"] as JsonObject;
            if (delta is not null)
            {
                changed |= OpenAIChatChoices.Rewrite(delta, index, Fields, streamed: true);
            }
            else if (choice["message"] is not null || choice["text"] is not null)
            {
                Fields.UnknownShapes++;
            }

            if (!JsonNodes.IsAbsent(choice["finish_reason"]))
            {
                changed |= Finish(index, delta, writer);
            }
        }

        return changed;
    }

    // Ends a choice's channels: the rest goes into this chunk's field when it has one, else a chunk before it.
    private bool Finish(int choice, JsonObject? delta, SseEventWriter writer)
    {
        var changed = false;
        var before = new List<TextChannel>();
        foreach (var channel in Channels.Open.Where(c => c.Choice == choice).ToList())
        {
            if (delta is null || Field(delta, channel) is not ({ } parent, { } name))
            {
                before.Add(channel);
                continue;
            }

            var rest = Channels.Flush(channel);
            if (rest.Length > 0)
            {
                changed |= JsonNodes.SetText(parent, name, JsonNodes.Text(parent[name]) + rest);
            }
        }

        Release(before, writer);
        return changed;
    }

    private static (JsonObject Parent, string Name)? Field(JsonObject delta, TextChannel channel)
    {
        var name = OpenAIChatChoices.FieldName(channel);
        if (channel.Kind is not (TextChannelKind.ToolArguments or TextChannelKind.ToolInput))
        {
            return JsonNodes.Text(delta[name]) is null ? null : (delta, name);
        }

        if (channel.Index == OpenAIChatChoices.LegacyFunctionCall)
        {
            return delta["function_call"] is JsonObject legacy && JsonNodes.Text(legacy["arguments"]) is not null ? (legacy, "arguments") : null;
        }

        var (shape, field) = channel.Kind == TextChannelKind.ToolInput ? ("custom", "input") : ("function", "arguments");
        var call = (delta["tool_calls"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => OpenAIChatChoices.Index(c, -1) == channel.Index);
        return call?[shape] is JsonObject target && JsonNodes.Text(target[field]) is not null ? (target, field) : null;
    }

    private void Release(List<TextChannel> channels, SseEventWriter writer)
    {
        foreach (var channel in channels)
        {
            var rest = Channels.Flush(channel);
            if (rest.Length > 0)
            {
                writer.Write([], OpenAIChatChoices.Chunk(_last, channel, rest));
            }
        }
    }
}
