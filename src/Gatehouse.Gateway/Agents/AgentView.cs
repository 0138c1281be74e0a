namespace Gatehouse.Gateway.Agents;

/// <summary>One connected agent tunnel as <c>GET /api/agents</c> shows it.</summary>
/// <param name="Name">The agent's name, from its enrollment token.</param>
/// <param name="Tunnel">The tunnel's id, also the id of its audit entries.</param>
/// <param name="Instance">The agent process's random instance id.</param>
/// <param name="Since">When the tunnel opened.</param>
/// <param name="RemoteAddress">Where the agent dialled from, as the gateway saw it.</param>
/// <param name="Version">The agent's version.</param>
/// <param name="InFlight">Requests on the tunnel now.</param>
/// <param name="Requests">Requests sent on the tunnel since it opened.</param>
/// <param name="Upstreams">The keys of the upstreams the agent may reach.</param>
internal sealed record AgentView(
    string Name, string Tunnel, string Instance, DateTimeOffset Since, string? RemoteAddress, string Version, int InFlight, long Requests, IReadOnlyList<string> Upstreams);
