using System.Data.Common;
using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Database;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Integrity;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Database;

/// <summary>SQLite's side of the shared stores: the one serialised writer connection, immediate transactions, JSON sets.</summary>
/// <remarks>
/// An immediate transaction takes the file's write lock before its first read, so every change is alone in the file:
/// row and log locks have nothing left to do.
/// </remarks>
internal sealed class SqliteRelationalDatabase(SqliteDatabase database) : IRelationalDatabase
{
    public string LockRows => "";

    public string TextSet(string parameter) => $"(SELECT value FROM json_each({parameter}))";

    public object TextSetValue(IReadOnlyCollection<string> values) =>
        JsonSerializer.Serialize(values.ToArray(), Relational.Keys.GroupsJsonContext.Default.StringArray);

    public Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        database.ReadAsync((c, ct) => work(c, ct), cancellationToken);

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, ct) =>
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = await work(connection, transaction, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            },
            cancellationToken);

    public Task LockLogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken) =>
        AuditAppender.AppendInAsync((SqliteConnection)connection, (SqliteTransaction)transaction, drafts, cancellationToken);

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
        Task.FromResult(RowSeals.Seal((SqliteConnection)connection, (SqliteTransaction)transaction, kind, table, id, at, facts, subject));

    public Task SealAsync(DbConnection connection, DbTransaction transaction, string table, string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        RowSeals.AppendAsync((SqliteConnection)connection, (SqliteTransaction)transaction, table, id, at, cancellationToken);
}
