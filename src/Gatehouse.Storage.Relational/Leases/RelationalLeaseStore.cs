using System.Data.Common;
using Gatehouse.Storage.Leases;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Leases;

/// <summary>Named leases in a relational store (the <c>leases</c> table): the one implementation both providers derive from.</summary>
/// <remarks>
/// Each call is one statement. Taking a lease is an upsert whose update applies only when the row is this holder's or
/// has lapsed; the database's row lock orders two takers, and the second sees the first's result, so exactly one wins.
/// A released lease keeps its row (expired) so that the token never starts again from 1.
/// </remarks>
public abstract class RelationalLeaseStore : ILeaseStore
{
    private const string Returning = " RETURNING name, holder, token, expires_ticks";

    private const string AcquireSql = """
        INSERT INTO leases (name, holder, token, expires_ticks) VALUES (@name, @holder, 1, @expires)
        ON CONFLICT (name) DO UPDATE SET
            token = CASE WHEN leases.holder = excluded.holder AND leases.expires_ticks > @now THEN leases.token ELSE leases.token + 1 END,
            holder = excluded.holder,
            expires_ticks = excluded.expires_ticks
        WHERE leases.holder = excluded.holder OR leases.expires_ticks <= @now
        """ + Returning;

    private const string RenewSql = """
        UPDATE leases SET expires_ticks = @expires
        WHERE name = @name AND holder = @holder AND token = @token AND expires_ticks > @now
        """ + Returning;

    private const string ReleaseSql = """
        UPDATE leases SET expires_ticks = @now
        WHERE name = @name AND holder = @holder AND token = @token AND expires_ticks > @now
        """;

    private readonly IRelationalDatabase _database;
    private readonly TimeProvider _time;

    private protected RelationalLeaseStore(IRelationalDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _time = timeProvider;
    }

    /// <inheritdoc />
    public Task<Lease?> AcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        return WriteOneAsync(AcquireSql, c =>
        {
            c.Add("@name", name);
            c.Add("@holder", holder);
            c.Add("@now", now.UtcTicks);
            c.Add("@expires", (now + duration).UtcTicks);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        return WriteOneAsync(RenewSql, c =>
        {
            BindHolding(c, lease, now);
            c.Add("@expires", (now + duration).UtcTicks);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var now = _time.GetUtcNow();
        return _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = Command(connection, transaction, ReleaseSql);
                BindHolding(command, lease, now);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Lease?> GetAsync(string name, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = Command(connection, null, "SELECT name, holder, token, expires_ticks FROM leases WHERE name = @name");
                command.Add("@name", name);
                return await ReadOneAsync(command, ct).ConfigureAwait(false);
            },
            cancellationToken);

    private static void BindHolding(DbCommand command, Lease lease, DateTimeOffset now)
    {
        command.Add("@name", lease.Name);
        command.Add("@holder", lease.Holder);
        command.Add("@token", lease.Token);
        command.Add("@now", now.UtcTicks);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<Lease?> ReadOneAsync(DbCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Lease(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero))
            : null;
    }

    private Task<Lease?> WriteOneAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = Command(connection, transaction, sql);
                bind(command);
                return await ReadOneAsync(command, ct).ConfigureAwait(false);
            },
            cancellationToken);
}
