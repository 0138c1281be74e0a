namespace Gatehouse.Gateway.Agents;

/// <summary>The payload of an <c>agent.connected</c>, <c>agent.disconnected</c> or <c>agent.refused</c> audit entry; never the token's secret.</summary>
internal sealed record AgentEventRecord(string Event, string? Agent, string? TokenId, string? RemoteAddress, DateTimeOffset At)
{
    public string? Version { get; init; }

    public string? Instance { get; init; }

    public IReadOnlyList<string>? Upstreams { get; init; }

    /// <summary>Gets why the tunnel closed or the agent was refused (a stable code).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the client certificate the agent presented (subject and SHA-256 thumbprint), when mutual TLS is required.</summary>
    public string? Certificate { get; init; }

    public DateTimeOffset? Since { get; init; }

    public long? Requests { get; init; }
}
