using System.Data.Common;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>SQLite's <see cref="IPartIds"/>: a lookup by hash, then an insert when absent (appends are serialised by the writer).</summary>
internal sealed class SqlitePartIds : IPartIds
{
    private const string FindSql = "SELECT id FROM audit_parts WHERE hash = @hash";
    private const string InsertSql = "INSERT INTO audit_parts (hash, body) VALUES (@hash, @body) RETURNING id";

    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;

    private SqlitePartIds(SqliteConnection connection)
    {
        _find = AppendStatements.Create(connection, FindSql, "@hash");
        _insert = AppendStatements.Create(connection, InsertSql, "@hash", "@body");
    }

    /// <summary>Creates the part writer of <paramref name="connection"/>, its statements prepared once for every batch.</summary>
    public static PartWriter CreateWriter(SqliteConnection connection) => new(
        AppendStatements.Create(connection, PartWriter.IntentOfSql, "@id"),
        new SqlitePartIds(connection));

    public void Begin(DbTransaction transaction)
    {
        _find.Transaction = (SqliteTransaction)transaction;
        _insert.Transaction = (SqliteTransaction)transaction;
    }

    public async Task<long> IdOfAsync(BodyPart part, CancellationToken cancellationToken)
    {
        _find.Parameters[0].Value = part.Hash;
        if (await _find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long id)
        {
            return id;
        }

        _insert.Parameters[0].Value = part.Hash;
        _insert.Parameters[1].Value = part.Content ?? throw new ArgumentException("A part to store has no content.", nameof(part));
        return (long)(await _insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
