namespace Gatehouse.Gateway.Agents;

/// <summary>The payload of an <c>agent.connected</c>, <c>agent.disconnected</c> or <c>agent.refused</c> audit entry; never the token's secret.</summary>
internal sealed record AgentEventRecord(string Event, string? Agent, string? TokenId, string? RemoteAddress, DateTimeOffset At)
{
    public string? Version { get; init; }

    public string? Instance { get; init; }

    public IReadOnlyList<string>? Upstreams { get; init; }

    /// <summary>Gets why the tunnel closed or the agent was refused (a stable code).</summary>
    public string? Reason { get; init; }

    public DateTimeOffset? Since { get; init; }

    public long? Requests { get; init; }
}
