namespace Gatehouse.Gateway.Agents;

/// <summary>The names both ends of an agent tunnel agree on: the connect path, its headers and the agent's own paths.</summary>
/// <remarks>
/// The agent dials <see cref="ConnectPath"/> (a WebSocket upgrade, the enrollment token as bearer); over that one
/// stream the gateway is the HTTP/2 client and the agent the HTTP/2 server. Requests name the agent's upstream by key
/// in their first path segment: <c>/{upstream}/{**path}</c>.
/// </remarks>
internal static class AgentProtocol
{
    /// <summary>The path the agent dials.</summary>
    public const string ConnectPath = "/api/agents/connect";

    /// <summary>The request header carrying the agent's version.</summary>
    public const string VersionHeader = "Gatehouse-Agent-Version";

    /// <summary>The request header carrying the agent process's random instance id.</summary>
    public const string InstanceHeader = "Gatehouse-Agent-Instance";

    /// <summary>The response header naming why a connect was refused (the problem's code), readable before any body.</summary>
    public const string RefusalHeader = "Gatehouse-Refusal";

    /// <summary>The agent's path answering with its version and upstream keys, asked once when a tunnel opens.</summary>
    public const string HelloPath = "/_gatehouse/hello";

    /// <summary>The host of the requests the gateway sends through a tunnel (the agent ignores it).</summary>
    public const string TunnelHost = "agent";
}
