namespace Gatehouse.Gateway.Configuration;

/// <summary>What a connection's <c>mcp.sampling</c> does with server-initiated sampling (<c>sampling/createMessage</c>).</summary>
public enum McpSampling
{
    /// <summary>
    /// The server never reaches the client's model (the default): the <c>sampling</c> capability is removed from what
    /// the client declares, and a <c>sampling/createMessage</c> request the server sends anyway is answered by the gateway
    /// with a JSON-RPC error, never forwarded.
    /// </summary>
    Deny,

    /// <summary>Sampling requests are forwarded to the client, their strings masked like every message the server sends.</summary>
    Allow,
}
