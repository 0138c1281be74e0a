using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>One kind of streamed Responses text: its delta event, its done event and the channel they feed.</summary>
/// <param name="DeltaType">The delta event's <c>type</c>; its text is in <c>delta</c>.</param>
/// <param name="DoneType">The done event's <c>type</c>.</param>
/// <param name="DoneField">The done event's field that repeats the whole text.</param>
/// <param name="Kind">The channel kind.</param>
/// <param name="PartField">The field naming the part inside the output item, or null when the item has one text.</param>
internal sealed record ResponsesTextEvent(string DeltaType, string DoneType, string DoneField, TextChannelKind Kind, string? PartField)
{
    public static readonly IReadOnlyList<ResponsesTextEvent> All =
    [
        new("response.output_text.delta", "response.output_text.done", "text", TextChannelKind.Content, "content_index"),
        new("response.refusal.delta", "response.refusal.done", "refusal", TextChannelKind.Content, "content_index"),
        new("response.reasoning_summary_text.delta", "response.reasoning_summary_text.done", "text", TextChannelKind.ReasoningSummary, "summary_index"),
        new("response.reasoning_text.delta", "response.reasoning_text.done", "text", TextChannelKind.Reasoning, "content_index"),
        new("response.function_call_arguments.delta", "response.function_call_arguments.done", "arguments", TextChannelKind.ToolArguments, null),
        new("response.custom_tool_call_input.delta", "response.custom_tool_call_input.done", "input", TextChannelKind.ToolInput, null),
    ];
}
