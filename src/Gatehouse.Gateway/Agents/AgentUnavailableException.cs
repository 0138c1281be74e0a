namespace Gatehouse.Gateway.Agents;

/// <summary>Thrown into the forwarder when no tunnel of the connection's agent is live; the exchange ends with 503 <c>agent_unavailable</c>.</summary>
internal sealed class AgentUnavailableException(string agent)
    : HttpRequestException($"No agent named '{agent}' is connected.")
{
    public string Agent { get; } = agent;
}
