using System.Data.Common;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>PostgreSQL's <see cref="IPartIds"/>: one statement that inserts the part or finds the one already stored.</summary>
/// <remarks>
/// Appends are serialised by the head's row lock, but the insert still tolerates a concurrent insert of the same part
/// (<c>ON CONFLICT DO NOTHING</c>, then a lookup).
/// </remarks>
internal sealed class PostgresPartIds : IPartIds, IDisposable
{
    private const string IdOfSql = """
        WITH inserted AS (
            INSERT INTO audit_parts (hash, body) VALUES (@hash, @body) ON CONFLICT (hash) DO NOTHING RETURNING id)
        SELECT id FROM inserted UNION ALL SELECT id FROM audit_parts WHERE hash = @hash LIMIT 1
        """;

    private readonly NpgsqlCommand _idOf;

    private PostgresPartIds(NpgsqlConnection connection)
    {
        _idOf = new NpgsqlCommand(IdOfSql, connection);
        _idOf.Parameters.Add(new NpgsqlParameter("hash", NpgsqlDbType.Bytea));
        _idOf.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Bytea));
    }

    /// <summary>Creates the part writer of one batch in <paramref name="transaction"/>; dispose it with the batch.</summary>
    public static PartWriter CreateWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var refer = new NpgsqlCommand(PartWriter.ReferSql, connection);
        refer.Parameters.Add(new NpgsqlParameter("seq", NpgsqlDbType.Bigint));
        refer.Parameters.Add(new NpgsqlParameter("ord", NpgsqlDbType.Integer));
        refer.Parameters.Add(new NpgsqlParameter("part", NpgsqlDbType.Bigint));
        refer.Parameters.Add(new NpgsqlParameter("exchange", NpgsqlDbType.Bigint));
        var intentOf = new NpgsqlCommand(PartWriter.IntentOfSql, connection);
        intentOf.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text));
        var writer = new PartWriter(refer, intentOf, new PostgresPartIds(connection));
        writer.Begin(transaction);
        return writer;
    }

    public void Begin(DbTransaction transaction) => _idOf.Transaction = (NpgsqlTransaction)transaction;

    public async Task<long> IdOfAsync(BodyPart part, CancellationToken cancellationToken)
    {
        _idOf.Parameters[0].Value = part.Hash;
        _idOf.Parameters[1].Value = part.Content ?? throw new ArgumentException("A part to store has no content.", nameof(part));
        return (long)(await _idOf.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public void Dispose() => _idOf.Dispose();
}
