// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.OpenAIResponses;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites Responses stream events: text deltas per output item and part, and every event that repeats a whole text.</summary>
/// <remarks>
/// A channel ends at its <c>.done</c> event (or the item's <c>output_item.done</c>, or the final event): text it still
/// holds goes out in a synthetic delta event, built on the channel's last delta event, just before. The whole texts
/// that <c>.done</c>, part, item and final events repeat become what the channel released, so that a client that reads
/// either form sees the same rewritten text.
/// </remarks>
internal sealed class ResponsesStreamRewriter : StreamRewriter
{
    private readonly Dictionary<TextChannel, JsonObject> _templates = [];

    public ResponsesStreamRewriter(ITextRewriter rewriter)
        : base(rewriter, keepReleased: true)
    {
    }

    public override void Complete(SseEventWriter writer) => Release(_ => true, writer);

    protected override bool Rewrite(JsonObject data, SseEventWriter writer)
    {
        var type = JsonNodes.Text(data["type"]) ?? "";
        var index = ResponsesItems.Int(data, "output_index");
        if (ResponsesTextEvent.All.FirstOrDefault(e => e.DeltaType == type) is { } delta)
        {
            var channel = Channel(delta, data);
            var dropped = ResponsesItems.DropLogprobs(data);
            _templates[channel] = data;
            return Fields.Push(data, "delta", channel) | dropped;
        }

        if (ResponsesTextEvent.All.FirstOrDefault(e => e.DoneType == type) is { } done)
        {
            var channel = Channel(done, data);
            Release(c => c == channel, writer);
            return ResponsesItems.DropLogprobs(data) | Fields.Whole(data, done.DoneField, channel);
        }

        switch (type)
        {
            case "response.content_part.added" or "response.content_part.done":
                return Part(data, new TextChannel(TextChannelKind.Content, Index: index, Part: ResponsesItems.Int(data, "content_index")), writer);
            case "response.reasoning_summary_part.added" or "response.reasoning_summary_part.done":
                return Part(data, new TextChannel(TextChannelKind.ReasoningSummary, Index: index, Part: ResponsesItems.Int(data, "summary_index")), writer);
            case "response.output_item.added" or "response.output_item.done":
                Release(c => c.Index == index, writer);
                return data["item"] is JsonObject item && ResponsesItems.Rewrite(item, index, Fields);
            case "response.created" or "response.in_progress" or "response.queued"
                or "response.completed" or "response.incomplete" or "response.failed":
                Release(_ => true, writer);
                return data["response"] is JsonObject response && ResponsesItems.RewriteOutput(response, Fields);
            case "error":
                return false;
            default:
                Fields.UnknownShapes += OpenAIResponsesEventReader.IsKnownWithoutContent(type) ? 0 : 1;
                return false;
        }
    }

    private static TextChannel Channel(ResponsesTextEvent textEvent, JsonObject data)
        => new(textEvent.Kind, Index: ResponsesItems.Int(data, "output_index"), Part: ResponsesItems.Int(data, textEvent.PartField));

    // A part's whole text must be what its channel released, so a channel still open ends here.
    private bool Part(JsonObject data, TextChannel channel, SseEventWriter writer)
    {
        Release(c => c == channel, writer);
        return data["part"] is JsonObject part && ResponsesItems.RewritePart(part, channel, Fields);
    }

    private void Release(Func<TextChannel, bool> which, SseEventWriter writer)
    {
        foreach (var channel in Channels.Open.Where(which).ToList())
        {
            var rest = Channels.Flush(channel);
            if (rest.Length > 0 && _templates.TryGetValue(channel, out var template))
            {
                var synthetic = (JsonObject)template.DeepClone();
                synthetic["delta"] = rest;
                writer.Write(Encoding.UTF8.GetBytes(JsonNodes.Text(template["type"]) ?? ""), synthetic);
            }
        }
    }
}
