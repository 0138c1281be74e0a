using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Agents.Config;

/// <summary>One endpoint an agent may reach, named by the key a gateway connection's <c>upstream</c> gives.</summary>
internal sealed record AgentUpstream
{
    /// <summary>Gets the key, the first path segment of the requests the gateway sends through the tunnel.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the upstream's base URL; the rest of the path is appended to it.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets the credential the agent injects, so the gateway need not hold it; null when the agent injects none.</summary>
    public CredentialConfig? Credential { get; init; }
}
