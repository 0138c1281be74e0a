using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Agents;

/// <summary>Agent enrollment tokens in a relational store: the one implementation both providers derive from.</summary>
/// <remarks>Each change commits with the audit entry that seals the changed row (see <c>HashedTokenTable</c>).</remarks>
public abstract class RelationalAgentTokenStore : IAgentTokenStore
{
    private readonly IRelationalDatabase _database;

    private protected RelationalAgentTokenStore(IRelationalDatabase database) => _database = database;

    /// <inheritdoc />
    public Task<bool> CreateAsync(AgentTokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return AgentTokenTable.Instance.CreateAsync(_database, token, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentTokenRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        AgentTokenTable.Instance.FindAsync(_database, id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentTokenRecord>> ListAsync(CancellationToken cancellationToken) =>
        AgentTokenTable.Instance.ListAsync(_database, cancellationToken);

    /// <inheritdoc />
    public Task<int> RevokeAsync(string idOrAgentName, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        AgentTokenTable.Instance.RevokeAsync(_database, idOrAgentName, revokedAt, cancellationToken);
}
