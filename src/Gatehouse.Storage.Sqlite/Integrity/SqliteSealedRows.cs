using System.Data.Common;
using Gatehouse.Storage.Relational.Integrity;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Integrity;

/// <summary>The embedded store's sealed tables and seal kinds (<see cref="RowSeals"/>) and its row hash, for the shared <see cref="RowSealVerifier"/>.</summary>
internal sealed class SqliteSealedRows : ISealedRows
{
    public static readonly SqliteSealedRows Instance = new();

    private SqliteSealedRows()
    {
    }

    public IReadOnlyList<string> Tables => RowSeals.Tables;

    public IReadOnlyList<string> Kinds => RowSeals.Kinds;

    // Microsoft.Data.Sqlite reads synchronously whatever the API; the hash is computed in place.
    public Task<byte[]?> HashAsync(DbConnection connection, DbTransaction transaction, string table, string id, CancellationToken cancellationToken) =>
        Task.FromResult(RowHash.Compute((SqliteConnection)connection, (SqliteTransaction)transaction, table, id));

    /// <summary>Verifies every sealed row on <paramref name="connection"/>, in one snapshot of the file.</summary>
    public static async Task<Gatehouse.Storage.Integrity.RowSealReport> VerifyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Deferred: a read transaction, which under WAL reads one snapshot from its first statement and takes no write lock.
        using var transaction = connection.BeginTransaction(deferred: true);
        return await RowSealVerifier.VerifyAsync(connection, transaction, Instance, cancellationToken).ConfigureAwait(false);
    }
}
