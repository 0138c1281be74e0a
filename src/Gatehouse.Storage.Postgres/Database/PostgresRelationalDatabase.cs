using System.Data.Common;
using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Postgres.Audit;
using Gatehouse.Storage.Postgres.Integrity;
using Gatehouse.Storage.Relational.Database;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Database;

/// <summary>PostgreSQL's side of the shared stores: pooled connections, row locks, <c>text[]</c> sets, the head lock.</summary>
/// <remarks>
/// Writers run side by side (READ COMMITTED), so a change locks what it reads: the rows it will update
/// (<c>FOR UPDATE</c>, which waits for a concurrent change and then reads its result) and, when it must exclude appends,
/// the chain's head. Locks are taken in one order, domain rows first and the head last, as every append does.
/// </remarks>
internal sealed class PostgresRelationalDatabase(PostgresDatabase database) : IRelationalDatabase
{
    public string LockRows => " FOR UPDATE";

    public string TextSet(string parameter) => $"(SELECT unnest({parameter}))";

    public object TextSetValue(IReadOnlyCollection<string> values) => values.ToArray();

    public Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => work(c, ct), cancellationToken);

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(connection, transaction, ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return result;
                }
            },
            cancellationToken);

    public async Task LockLogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken) =>
        Appender.AppendInAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, database.WriterId, drafts, cancellationToken);

    public Task<AuditEntryDraft> SealEntryAsync(
        DbConnection connection,
        DbTransaction transaction,
        string kind,
        string table,
        string id,
        DateTimeOffset at,
        Action<Utf8JsonWriter>? facts,
        string? subject,
        CancellationToken cancellationToken) =>
        RowSeals.SealAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, kind, table, id, at, facts, subject, cancellationToken);

    public async Task SealAsync(DbConnection connection, DbTransaction transaction, string table, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (npgsql, inTransaction) = ((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        var seal = await RowSeals.SealAsync(npgsql, inTransaction, RowSeals.RowSealed, table, id, at, null, null, cancellationToken).ConfigureAwait(false);
        await Appender.AppendInAsync(npgsql, inTransaction, database.WriterId, [seal], cancellationToken).ConfigureAwait(false);
    }
}
