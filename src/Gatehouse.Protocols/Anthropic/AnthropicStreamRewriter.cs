using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Rewrites Messages stream events: text, thinking and tool-input deltas, one channel per content block; citations whole.</summary>
internal sealed class AnthropicStreamRewriter : StreamRewriter
{
    public AnthropicStreamRewriter(ITextRewriter rewriter)
        : base(rewriter, keepReleased: false)
    {
    }

    public override void Complete(SseEventWriter writer) => FlushAll(writer);

    protected override bool Rewrite(JsonElement data, SseEventWriter writer)
    {
        var index = AnthropicBlocks.Index(data);
        switch (TextFields.String(data, "type"))
        {
            case "content_block_start":
                return TextFields.Member(data, "content_block", JsonValueKind.Object) is { } block && AnthropicBlocks.Rewrite(block, index, Fields, streamed: true);
            case "content_block_delta":
                return TextFields.Member(data, "delta", JsonValueKind.Object) is { } delta && RewriteDelta(index, delta);
            case "content_block_stop":
                FlushBlock(index, writer);
                return false;
            case "message_delta" or "message_stop":
                FlushAll(writer);
                return false;
            case "message_start":
                return TextFields.Member(data, "message", JsonValueKind.Object) is { } message && AnthropicBodyRewriter.Rewrite(message, Fields);
            case "ping" or "error":
                return false;
            default:
                Fields.UnknownShapes++;
                return false;
        }
    }

    private bool RewriteDelta(int index, JsonElement delta)
    {
        switch (TextFields.String(delta, "type"))
        {
            case "text_delta":
                return Fields.Push(delta, "text", new TextChannel(TextChannelKind.Content, Index: index));
            case "thinking_delta":
                return Fields.Push(delta, "thinking", new TextChannel(TextChannelKind.Reasoning, Index: index));
            case "input_json_delta":
                return Fields.Push(delta, "partial_json", new TextChannel(TextChannelKind.ToolArguments, Index: index));
            case "citations_delta":
                return Fields.WholeStrings(delta, "citation", AnthropicBlocks.Citations(index));
            case "signature_delta":
                return false;
            default:
                Fields.UnknownShapes++;
                return false;
        }
    }

    private void FlushBlock(int index, SseEventWriter writer)
    {
        foreach (var channel in Channels.Open.Where(c => c.Index == index).ToList())
        {
            Release(channel, writer);
        }
    }

    private void FlushAll(SseEventWriter writer)
    {
        foreach (var channel in Channels.Open.ToList())
        {
            Release(channel, writer);
        }
    }

    private void Release(TextChannel channel, SseEventWriter writer)
    {
        var rest = Channels.Flush(channel);
        if (rest.Length > 0)
        {
            writer.Write("content_block_delta"u8, AnthropicBlocks.Delta(channel, rest));
        }
    }
}
