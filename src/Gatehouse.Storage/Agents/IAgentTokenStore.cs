namespace Gatehouse.Storage.Agents;

/// <summary>Persists agent enrollment tokens (hashes only); each change is an audit entry.</summary>
public interface IAgentTokenStore
{
    /// <summary>Stores a new token; returns false when its id is already taken.</summary>
    Task<bool> CreateAsync(AgentTokenRecord token, CancellationToken cancellationToken);

    /// <summary>Finds a token by id, revoked and expired ones included.</summary>
    Task<AgentTokenRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists every token, newest first.</summary>
    Task<IReadOnlyList<AgentTokenRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the token with this id, or every active token of the agent with this name; returns how many were revoked.
    /// </summary>
    Task<int> RevokeAsync(string idOrAgentName, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
