namespace Gatehouse.Gateway.Agents;

/// <summary>Thrown into the forwarder when a tunnel closes while an exchange is on it; the outcome records <c>agent_disconnected</c>.</summary>
internal sealed class AgentTunnelLostException(string agent, Exception inner)
    : IOException($"The agent '{agent}' disconnected before the exchange ended.", inner)
{
    public string Agent { get; } = agent;
}
