using System.Text.Json;
using Gatehouse.Protocols.Sse;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Rewrites Chat Completions chunks: content, reasoning, tool-call argument and custom tool input deltas per choice.</summary>
/// <remarks>
/// A choice's channels end with its <c>finish_reason</c>: text they still hold goes into that chunk's own fields when
/// it has them, else into a synthetic chunk just before it; <c>[DONE]</c> and the end of the body flush the rest.
/// Token log probabilities are dropped from every chunk (see <see cref="OpenAIChatChoices.DropLogprobs"/>).
/// </remarks>
internal sealed class OpenAIChatStreamRewriter : StreamRewriter
{
    private readonly ChunkHead _last = new();

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

    protected override bool Rewrite(JsonElement data, SseEventWriter writer)
    {
        if (TextFields.Member(data, "choices", JsonValueKind.Array) is not { } choices)
        {
            Fields.UnknownShapes += TextFields.Member(data, "error", JsonValueKind.Object) is null ? 1 : 0;
            return false;
        }

        _last.Update(data);
        var changed = false;
        var position = -1;
        foreach (var choice in choices.EnumerateArray())
        {
            position++;
            if (choice.ValueKind != JsonValueKind.Object)
            {
                Fields.UnknownShapes++;
                continue;
            }

            var index = OpenAIChatChoices.Index(choice, position);
            changed |= OpenAIChatChoices.DropLogprobs(choice, Fields.Edits);
            var delta = TextFields.Member(choice, "delta", JsonValueKind.Object);
            if (delta is { } fields)
            {
                changed |= OpenAIChatChoices.Rewrite(fields, index, Fields, streamed: true);
            }
            else if (!TextFields.IsAbsent(choice, "message") || !TextFields.IsAbsent(choice, "text"))
            {
                Fields.UnknownShapes++;
            }

            if (!TextFields.IsAbsent(choice, "finish_reason"))
            {
                changed |= Finish(index, delta, writer);
            }
        }

        return changed;
    }

    // Ends a choice's channels: the rest goes into this chunk's field when it has one, else a chunk before it.
    private bool Finish(int choice, JsonElement? delta, SseEventWriter writer)
    {
        var changed = false;
        var before = new List<TextChannel>();
        foreach (var channel in Channels.Open.Where(c => c.Choice == choice).ToList())
        {
            if (delta is null || Field(delta.Value, channel) is not { } value)
            {
                before.Add(channel);
                continue;
            }

            var rest = Channels.Flush(channel);
            if (rest.Length > 0)
            {
                changed |= Fields.Edits.SetText(value, Fields.Edits.Text(value) + rest);
            }
        }

        Release(before, writer);
        return changed;
    }

    // The string this chunk carries the channel's text in, if it has one.
    private static JsonElement? Field(JsonElement delta, TextChannel channel)
    {
        var name = OpenAIChatChoices.FieldName(channel);
        if (channel.Kind is not (TextChannelKind.ToolArguments or TextChannelKind.ToolInput))
        {
            return TextFields.Member(delta, name, JsonValueKind.String);
        }

        if (channel.Index == OpenAIChatChoices.LegacyFunctionCall)
        {
            return TextFields.Member(delta, "function_call", JsonValueKind.Object) is { } legacy
                ? TextFields.Member(legacy, "arguments", JsonValueKind.String)
                : null;
        }

        var (shape, field) = channel.Kind == TextChannelKind.ToolInput ? ("custom", "input") : ("function", "arguments");
        if (TextFields.Member(delta, "tool_calls", JsonValueKind.Array) is not { } calls)
        {
            return null;
        }

        foreach (var call in calls.EnumerateArray())
        {
            if (call.ValueKind == JsonValueKind.Object && OpenAIChatChoices.Index(call, -1) == channel.Index)
            {
                return TextFields.Member(call, shape, JsonValueKind.Object) is { } target ? TextFields.Member(target, field, JsonValueKind.String) : null;
            }
        }

        return null;
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
