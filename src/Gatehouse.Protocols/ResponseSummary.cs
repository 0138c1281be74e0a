namespace Gatehouse.Protocols;

/// <summary>What an adapter understood of a response, streamed or not.</summary>
public sealed record ResponseSummary
{
    /// <summary>Gets the model the upstream says answered.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the response text, assembled from the stream's deltas (bounded by the cap).</summary>
    public string Text { get; init; } = "";

    /// <summary>Gets a value indicating whether <see cref="Text"/> was cut at the cap.</summary>
    public bool TextTruncated { get; init; }

    /// <summary>Gets the reasoning or thinking text the upstream exposed (bounded by the cap), or empty.</summary>
    public string Reasoning { get; init; } = "";

    /// <summary>Gets the tool calls the model made, arguments reassembled.</summary>
    public IReadOnlyList<ToolCall> ToolCalls { get; init; } = [];

    /// <summary>Gets the token usage, when the upstream reported it.</summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>Gets the finish or stop reason.</summary>
    public string? FinishReason { get; init; }

    /// <summary>Gets how many stream events had a shape the adapter does not know (an API change, or a foreign stream).</summary>
    /// <remarks>Their content is not in the summary; a stage that must see everything can refuse on a non-zero count.</remarks>
    public int UnknownEvents { get; init; }

    /// <summary>Gets a description of why the body could not be fully understood, or null.</summary>
    public string? Error { get; init; }
}
