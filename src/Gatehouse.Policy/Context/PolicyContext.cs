namespace Gatehouse.Policy.Context;

/// <summary>Carries everything policy may look at for one exchange in one direction.</summary>
/// <remarks>
/// The gateway builds one per evaluation from the normalised exchange. Evaluation is pure: the time is part of the
/// context, so the same context always yields the same decision.
/// </remarks>
public sealed record PolicyContext
{
    /// <summary>Gets the caller.</summary>
    public PolicyIdentity Identity { get; init; } = PolicyIdentity.Anonymous;

    /// <summary>Gets the connection name (the first path segment).</summary>
    public string Connection { get; init; } = "";

    /// <summary>Gets the API the exchange speaks.</summary>
    public PolicyApi Api { get; init; } = PolicyApi.Http;

    /// <summary>Gets the model named by the request, or the empty string.</summary>
    public string Model { get; init; } = "";

    /// <summary>Gets the direction being decided.</summary>
    public PolicyDirection Direction { get; init; } = PolicyDirection.Request;

    /// <summary>Gets the request path below the connection, for example <c>/v1/chat/completions</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>Gets the number of prompt characters in the request.</summary>
    public long PromptChars { get; init; }

    /// <summary>Gets the client's address as text, or the empty string.</summary>
    public string ClientAddress { get; init; } = "";

    /// <summary>Gets the masking findings so far.</summary>
    public IReadOnlyList<PolicyFinding> Findings { get; init; } = [];

    /// <summary>Gets the tool calls in the half being decided.</summary>
    public IReadOnlyList<PolicyToolCall> ToolCalls { get; init; } = [];

    /// <summary>Gets the time of the decision, from the gateway's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Gets the connections the caller holds an active just-in-time grant for.</summary>
    public IReadOnlyList<string> Grants { get; init; } = [];
}
