namespace Gatehouse.Audit.Records;

/// <summary>A request whose caller could not be identified, as the audit keeps it: never the credential itself.</summary>
public sealed record SignInFailure
{
    /// <summary>Gets the id the gateway gave the refused request.</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets the stable failure code, for example <c>invalid_token</c> or <c>api_key_revoked</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the status code sent to the client (401, or 503 when the gateway could not check).</summary>
    public int Status { get; init; }

    /// <summary>Gets the HTTP method of the refused request.</summary>
    public string? Method { get; init; }

    /// <summary>Gets the connection segment of the requested path, as sent (it may name no configured connection).</summary>
    public string? Connection { get; init; }

    /// <summary>Gets the client's address as the gateway saw it.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>Gets the client's User-Agent header (of the first refusal, when several are counted).</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets how many refusals of this source, code and status this entry stands for; the default is 1.</summary>
    /// <remarks>Refusals are gathered per source address and interval so an unauthenticated flood cannot grow the log without bound.</remarks>
    public int Count { get; init; } = 1;

    /// <summary>Gets how many of <see cref="Count"/> were answered 429 because the source was over its limit.</summary>
    public int Throttled { get; init; }

    /// <summary>Gets when the first counted refusal arrived, when the entry counts more than one.</summary>
    public DateTimeOffset? Since { get; init; }
}
