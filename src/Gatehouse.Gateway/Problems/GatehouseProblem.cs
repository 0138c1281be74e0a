namespace Gatehouse.Gateway.Problems;

/// <summary>
/// An error the gateway returns to a client as RFC 9457 problem details, identified by a stable code.
/// </summary>
/// <param name="Code">The stable, machine-readable code (for example <c>token_expired</c>); also names the type URI.</param>
/// <param name="Title">A short summary that is the same for every occurrence of the code.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong in this occurrence, phrased so that a person can act on it.</param>
internal sealed record GatehouseProblem(string Code, string Title, int Status, string Detail)
{
    /// <summary>The base of every problem type URI.</summary>
    public const string TypeBase = "https://gatehouse.dev/problems/";

    /// <summary>Gets the problem type URI: <c>https://gatehouse.dev/problems/{code}</c>.</summary>
    public string Type => TypeBase + Code;

    /// <summary>Gets the exchange the problem belongs to, when one was recorded, so a person can find it in the audit.</summary>
    public string? ExchangeId { get; init; }

    /// <summary>
    /// Gets extension members (RFC 9457 section 3.2) written after the others, or null. An MCP refusal that the
    /// specification answers with a JSON-RPC error writes <c>jsonrpc</c>, <c>id</c> and <c>error</c> here, so that one
    /// body is both the problem and the JSON-RPC response.
    /// </summary>
    public Action<System.Text.Json.Utf8JsonWriter>? Members { get; init; }
}
