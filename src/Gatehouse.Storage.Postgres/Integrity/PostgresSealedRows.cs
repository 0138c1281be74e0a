using System.Data;
using System.Data.Common;
using Gatehouse.Storage.Integrity;
using Gatehouse.Storage.Relational.Integrity;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Integrity;

/// <summary>The PostgreSQL store's sealed tables and seal kinds (<see cref="RowSeals"/>) and its row hash, for the shared <see cref="RowSealVerifier"/>.</summary>
internal sealed class PostgresSealedRows : ISealedRows
{
    public static readonly PostgresSealedRows Instance = new();

    private PostgresSealedRows()
    {
    }

    public IReadOnlyList<string> Tables => RowSeals.Tables;

    public IReadOnlyList<string> Kinds => RowSeals.Kinds;

    public Task<byte[]?> HashAsync(DbConnection connection, DbTransaction transaction, string table, string id, CancellationToken cancellationToken) =>
        RowHash.ComputeAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, table, id, cancellationToken);

    /// <summary>Verifies every sealed row on <paramref name="connection"/>, in one snapshot of the database.</summary>
    /// <remarks>
    /// REPEATABLE READ and read-only: a change committed by a replica meanwhile (a row and its seal, in one transaction)
    /// is invisible to the whole check, so a live database is checked without false alarms and without blocking writers.
    /// </remarks>
    public static async Task<RowSealReport> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return await RowSealVerifier.VerifyAsync(connection, transaction, Instance, cancellationToken).ConfigureAwait(false);
        }
    }
}
