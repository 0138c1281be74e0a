namespace Gatehouse.Protocols.Mcp;

/// <summary>What one JSON-RPC message a client POSTs is.</summary>
public enum McpMessageKind
{
    /// <summary>A request: a method and an id; the server answers it.</summary>
    Request,

    /// <summary>A notification: a method and no id; the server answers 202 with no body.</summary>
    Notification,

    /// <summary>A response to a request the server sent (sampling, elicitation, roots in the session-based revisions).</summary>
    Response,
}
