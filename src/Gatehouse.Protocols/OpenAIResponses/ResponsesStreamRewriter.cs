using System.Buffers;
using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Rewrites Responses stream events: text deltas per output item and part, and every event that repeats a whole text.</summary>
/// <remarks>
/// A channel ends at its <c>.done</c> event (or the item's <c>output_item.done</c>, or the final event): text it still
/// holds goes out in a synthetic delta event, built on the channel's last delta event, just before. The whole texts
/// that <c>.done</c>, part, item and final events repeat become what the channel released, so that a client that reads
/// either form sees the same rewritten text.
/// </remarks>
internal sealed class ResponsesStreamRewriter : StreamRewriter
{
    private readonly Dictionary<TextChannel, ArrayBufferWriter<byte>> _templates = [];
    private TextChannel? _template;

    public ResponsesStreamRewriter(ITextRewriter rewriter)
        : base(rewriter, keepReleased: true)
    {
    }

    public override void Complete(SseEventWriter writer) => Release(_ => true, writer);

    protected override bool Rewrite(JsonElement data, SseEventWriter writer)
    {
        var type = TextFields.String(data, "type") ?? "";
        var index = ResponsesItems.Int(data, "output_index");
        if (ResponsesTextEvent.All.FirstOrDefault(e => e.DeltaType == type) is { } delta)
        {
            var channel = Channel(delta, data);
            var dropped = ResponsesItems.DropLogprobs(data, Fields.Edits);
            _template = channel;
            return Fields.Push(data, "delta", channel) | dropped;
        }

        if (ResponsesTextEvent.All.FirstOrDefault(e => e.DoneType == type) is { } done)
        {
            var channel = Channel(done, data);
            Release(c => c == channel, writer);
            return ResponsesItems.DropLogprobs(data, Fields.Edits) | Fields.Whole(data, done.DoneField, channel);
        }

        switch (type)
        {
            case "response.content_part.added" or "response.content_part.done":
                return Part(data, new TextChannel(TextChannelKind.Content, Index: index, Part: ResponsesItems.Int(data, "content_index")), writer);
            case "response.reasoning_summary_part.added" or "response.reasoning_summary_part.done":
                return Part(data, new TextChannel(TextChannelKind.ReasoningSummary, Index: index, Part: ResponsesItems.Int(data, "summary_index")), writer);
            case "response.output_item.added" or "response.output_item.done":
                Release(c => c.Index == index, writer);
                return TextFields.Member(data, "item", JsonValueKind.Object) is { } item && ResponsesItems.Rewrite(item, index, Fields);
            case "response.created" or "response.in_progress" or "response.queued"
                or "response.completed" or "response.incomplete" or "response.failed":
                Release(_ => true, writer);
                return TextFields.Member(data, "response", JsonValueKind.Object) is { } response && ResponsesItems.RewriteOutput(response, Fields);
            case "error":
                return false;
            default:
                Fields.UnknownShapes += OpenAIResponsesEventReader.IsKnownWithoutContent(type) ? 0 : 1;
                return false;
        }
    }

    // A channel's delta event, as written, is the template of the synthetic delta that may end the channel.
    protected override void Written(ReadOnlySpan<byte> data)
    {
        if (_template is not { } channel)
        {
            return;
        }

        _template = null;
        if (!_templates.TryGetValue(channel, out var template))
        {
            template = new ArrayBufferWriter<byte>(data.Length);
            _templates.Add(channel, template);
        }

        template.ResetWrittenCount();
        template.Write(data);
    }

    private static TextChannel Channel(ResponsesTextEvent textEvent, JsonElement data)
        => new(textEvent.Kind, Index: ResponsesItems.Int(data, "output_index"), Part: ResponsesItems.Int(data, textEvent.PartField));

    // A part's whole text must be what its channel released, so a channel still open ends here.
    private bool Part(JsonElement data, TextChannel channel, SseEventWriter writer)
    {
        Release(c => c == channel, writer);
        return TextFields.Member(data, "part", JsonValueKind.Object) is { } part && ResponsesItems.RewritePart(part, channel, Fields);
    }

    private void Release(Func<TextChannel, bool> which, SseEventWriter writer)
    {
        foreach (var channel in Channels.Open.Where(which).ToList())
        {
            var rest = Channels.Flush(channel);
            if (rest.Length > 0 && _templates.TryGetValue(channel, out var template))
            {
                using var document = JsonDocument.Parse(template.WrittenMemory);
                var root = document.RootElement;
                var synthetic = JsonOutput.Build((root, rest), static (json, state) =>
                {
                    json.WriteStartObject();
                    var hasDelta = false;
                    foreach (var property in state.root.EnumerateObject())
                    {
                        json.WritePropertyName(property.Name);
                        if (property.NameEquals("delta"u8))
                        {
                            hasDelta = true;
                            json.WriteStringValue(state.rest);
                        }
                        else
                        {
                            property.Value.WriteTo(json);
                        }
                    }

                    if (!hasDelta)
                    {
                        json.WriteString("delta", state.rest);
                    }

                    json.WriteEndObject();
                });
                writer.Write(Encoding.UTF8.GetBytes(TextFields.String(root, "type") ?? ""), synthetic);
            }
        }
    }
}
