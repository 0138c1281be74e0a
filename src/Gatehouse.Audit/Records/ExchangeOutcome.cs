namespace Gatehouse.Audit.Records;

/// <summary>The second half of an exchange's record: what came back and how it ended.</summary>
public sealed record ExchangeOutcome
{
    /// <summary>Gets the exchange id the intent was written under.</summary>
    public required string ExchangeId { get; init; }

    /// <summary>Gets when the exchange ended.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Gets the status code sent to the client (0 when none was sent).</summary>
    public int Status { get; init; }

    /// <summary>Gets the total time from request to the end of the response, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>Gets the time until the upstream's response headers, in milliseconds, if it was called.</summary>
    public double? UpstreamMs { get; init; }

    /// <summary>Gets the model the upstream says answered.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the response text, assembled from the stream (for opaque HTTP, the body up to the cap).</summary>
    public string? Response { get; init; }

    /// <summary>Gets the tool calls in the response.</summary>
    public IReadOnlyList<AuditToolCall> ToolCalls { get; init; } = [];

    /// <summary>Gets the token usage.</summary>
    public long? InputTokens { get; init; }

    /// <summary>Gets the output token usage.</summary>
    public long? OutputTokens { get; init; }

    /// <summary>Gets the finish reason.</summary>
    public string? FinishReason { get; init; }

    /// <summary>Gets the response body size in bytes.</summary>
    public long ResponseBytes { get; init; }

    /// <summary>Gets what the masking found in the response (the response is recorded masked).</summary>
    public IReadOnlyList<AuditFinding> Findings { get; init; } = [];

    /// <summary>Gets which stages ran (for example <c>identity</c>, <c>audit</c>, <c>protocol</c>).</summary>
    public IReadOnlyList<string> Coverage { get; init; } = [];

    /// <summary>Gets the failure code when the exchange did not end cleanly (for example <c>client_aborted</c>).</summary>
    public string? Failure { get; init; }

    /// <summary>Gets a description of the failure, never containing content.</summary>
    public string? FailureDetail { get; init; }

    /// <summary>Gets how the response ended when policy held it back for review; null when nothing was held.</summary>
    public AuditResponseHold? ResponseHold { get; init; }
}
