using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Agents;

/// <summary>Agent enrollment tokens in the embedded store's database file.</summary>
/// <remarks>Shares the <see cref="SqliteStore"/>'s writer connection; each change commits with its sealed audit entry.</remarks>
public sealed class SqliteAgentTokenStore : IAgentTokenStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public SqliteAgentTokenStore(SqliteStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _database = store.Database;
    }

    /// <inheritdoc />
    public Task<bool> CreateAsync(AgentTokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _database.WriteAsync((c, ct) => AgentTokenTable.CreateAsync(c, token, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentTokenRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        _database.ReadAsync((c, ct) => AgentTokenTable.FindAsync(c, id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentTokenRecord>> ListAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(AgentTokenTable.ListAsync, cancellationToken);

    /// <inheritdoc />
    public Task<int> RevokeAsync(string idOrAgentName, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        _database.WriteAsync((c, ct) => AgentTokenTable.RevokeAsync(c, idOrAgentName, revokedAt, ct), cancellationToken);
}
