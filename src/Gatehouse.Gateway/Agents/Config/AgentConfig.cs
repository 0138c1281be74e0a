namespace Gatehouse.Gateway.Agents.Config;

/// <summary>The agent's own file: the upstreams it may reach, and nothing else.</summary>
internal sealed record AgentConfig
{
    /// <summary>Gets the upstreams by key; a request for any other key is refused.</summary>
    public required IReadOnlyDictionary<string, AgentUpstream> Upstreams { get; init; }
}
