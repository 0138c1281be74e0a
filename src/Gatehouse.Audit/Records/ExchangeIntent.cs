namespace Gatehouse.Audit.Records;

/// <summary>
/// The first half of an exchange's record: what was asked, by whom, through which connection. It is durable
/// before the upstream receives anything.
/// </summary>
public sealed record ExchangeIntent
{
    /// <summary>Gets the exchange id (also returned to the client in <c>x-gatehouse-exchange</c>).</summary>
    public required string ExchangeId { get; init; }

    /// <summary>Gets when the gateway received the request.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets the caller.</summary>
    public required AuditIdentity Identity { get; init; }

    /// <summary>Gets the client's address as the gateway saw it.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>Gets the client's User-Agent header.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets the connection name.</summary>
    public required string Connection { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the path forwarded to the upstream (after the connection segment, with the query).</summary>
    public required string Path { get; init; }

    /// <summary>Gets the API (<c>http</c>, <c>openai.chat</c>, <c>openai.responses</c>, <c>anthropic.messages</c>, <c>openai.completions</c>).</summary>
    public required string Api { get; init; }

    /// <summary>Gets the requested model.</summary>
    public string? Model { get; init; }

    /// <summary>Gets a value indicating whether a streamed response was asked for.</summary>
    public bool Stream { get; init; }

    /// <summary>Gets the prompt as text (for opaque HTTP, the body up to the cap), exactly as forwarded.</summary>
    public string? Prompt { get; init; }

    /// <summary>
    /// Gets the prompt cut where it repeats across turns (one piece per message), whose concatenation is exactly
    /// <see cref="Prompt"/>; null when the prompt is one piece. The audit stores each distinct piece once. A writer may
    /// leave <see cref="Prompt"/> null and give only the pieces, which are then the prompt.
    /// </summary>
    /// <remarks>Not part of the recorded metadata: a decoded intent has the whole <see cref="Prompt"/> and no pieces.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string>? PromptParts { get; init; }

    /// <summary>
    /// Gets the same pieces as <see cref="PromptParts"/>, already encoded as parts (UTF-8 and hash), for a writer that
    /// encodes them straight from the text it holds rather than making a string of each piece first (the gateway:
    /// an agent's 40 KB system prompt is then encoded once, not copied into a piece and encoded). When set, with
    /// <see cref="Prompt"/> null, they are the prompt and <see cref="PromptParts"/> is not read.
    /// </summary>
    /// <remarks>Not part of the recorded metadata, as <see cref="PromptParts"/>.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Chain.BodyPart>? PromptEncodedParts { get; init; }

    /// <summary>Gets the request body size in bytes.</summary>
    public long RequestBytes { get; init; }

    /// <summary>Gets what the masking found in the request (the prompt is recorded masked).</summary>
    public IReadOnlyList<AuditFinding> Findings { get; init; } = [];

    /// <summary>Gets the decision taken before forwarding (<c>allow</c>, <c>deny</c>, ...).</summary>
    public string Decision { get; init; } = "allow";

    /// <summary>Gets the policy rules that decided the exchange, in the order they matched (empty without a policy).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Gets the reason for the decision, or the rule that took it.</summary>
    public string? DecisionReason { get; init; }
}
