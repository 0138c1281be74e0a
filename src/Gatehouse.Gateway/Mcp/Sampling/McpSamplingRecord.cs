namespace Gatehouse.Gateway.Mcp.Sampling;

/// <summary>
/// The payload of an <c>mcp.sampling.refused</c> audit entry: which connection's server asked the client's model, in
/// which exchange, and how the gateway answered; never the request's messages.
/// </summary>
/// <param name="Connection">The connection's name.</param>
/// <param name="Exchange">The exchange whose response stream carried the request.</param>
/// <param name="Method">The method the server sent (<c>sampling/createMessage</c>).</param>
/// <param name="ErrorCode">The JSON-RPC error code the server was answered with.</param>
/// <param name="Answered">Whether the server accepted the answer (HTTP 2xx).</param>
/// <param name="At">When the gateway withheld the request.</param>
internal sealed record McpSamplingRecord(string Connection, string Exchange, string Method, int ErrorCode, bool Answered, DateTimeOffset At)
{
    /// <summary>The audit entry's kind.</summary>
    public const string Event = "mcp.sampling.refused";
}
