namespace Gatehouse.Gateway.Agents;

/// <summary>What an agent says about itself when its tunnel opens: its version and the keys of the upstreams it may reach.</summary>
internal sealed record AgentHello(string Version, IReadOnlyList<string> Upstreams);
