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

    /// <summary>Gets the client's User-Agent header.</summary>
    public string? UserAgent { get; init; }
}
