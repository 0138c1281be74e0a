using System.Text.Json;
using Gatehouse.Protocols.OpenAIChat;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.OpenAICompletions;

/// <summary>Rewrites legacy Completions chunks: each choice's <c>text</c> deltas through its own channel.</summary>
/// <remarks>
/// A choice's channel ends with its <c>finish_reason</c>: text it still holds goes into that chunk's <c>text</c> when
/// it has one, else into a synthetic chunk just before it; <c>[DONE]</c> and the end of the body flush the rest.
/// Token log probabilities are dropped from every chunk (see <see cref="OpenAIChatChoices.DropLogprobs"/>).
/// </remarks>
internal sealed class OpenAICompletionsStreamRewriter : StreamRewriter
{
    private readonly ChunkHead _last = new("\"text_completion\""u8);

    public OpenAICompletionsStreamRewriter(ITextRewriter rewriter)
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

            var channel = OpenAICompletionsBodyRewriter.Channel(choice, position);
            changed |= OpenAIChatChoices.DropLogprobs(choice, Fields.Edits);
            changed |= Fields.Push(choice, "text", channel);
            Fields.UnknownShapes += OpenAICompletionsBodyRewriter.ChatShaped(choice) ? 1 : 0;
            if (!TextFields.IsAbsent(choice, "finish_reason"))
            {
                changed |= Finish(choice, channel, writer);
            }
        }

        return changed;
    }

    // Ends a choice's channel: the rest goes into this chunk's text when it has one, else a chunk before it.
    private bool Finish(JsonElement choice, TextChannel channel, SseEventWriter writer)
    {
        if (TextFields.Member(choice, "text", JsonValueKind.String) is not { } text)
        {
            Release([channel], writer);
            return false;
        }

        var rest = Channels.Flush(channel);
        return rest.Length > 0 && Fields.Edits.SetText(text, Fields.Edits.Text(text) + rest);
    }

    private void Release(List<TextChannel> channels, SseEventWriter writer)
    {
        foreach (var channel in channels)
        {
            var rest = Channels.Flush(channel);
            if (rest.Length > 0)
            {
                writer.Write([], Chunk(channel, rest));
            }
        }
    }

    private byte[] Chunk(TextChannel channel, string text)
        => JsonOutput.Build((_last, channel, text), static (writer, state) =>
        {
            var (head, channel, text) = state;
            writer.WriteStartObject();
            head.WriteTo(writer);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteNumber("index", channel.Choice);
            writer.WriteNull("logprobs");
            writer.WriteNull("finish_reason");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
