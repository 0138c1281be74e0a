using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Inserts the rows of <c>audit_entries</c> of one batch in one statement: one array per column, unnested.</summary>
internal static class EntryRows
{
    private const string InsertSql = $"""
        INSERT INTO audit_entries ({EntryReader.Columns}, writer_id)
        SELECT r.*, @writer_id
        FROM unnest(@seq, @kind, @exchange_id, @time_ticks, @subject, @email, @connection, @model, @status, @decision,
                    @payload, @body, @body_hash, @prev_hash, @hash) AS r
        """;

    /// <summary>Creates the insert of <paramref name="entries"/>, all appended by <paramref name="writerId"/>.</summary>
    public static NpgsqlBatchCommand Insert(IReadOnlyList<AuditEntry> entries, string writerId)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        var values = command.Parameters;
        values.Add(Array("seq", NpgsqlDbType.Bigint, entries.Select(e => e.Sequence).ToArray()));
        values.Add(Array("kind", NpgsqlDbType.Text, entries.Select(e => e.Kind).ToArray()));
        values.Add(Array("exchange_id", NpgsqlDbType.Text, entries.Select(e => e.ExchangeId).ToArray()));
        values.Add(Array("time_ticks", NpgsqlDbType.Bigint, entries.Select(e => e.Time.UtcTicks).ToArray()));
        values.Add(Array("subject", NpgsqlDbType.Text, entries.Select(e => e.Index.Subject).ToArray()));
        values.Add(Array("email", NpgsqlDbType.Text, entries.Select(e => e.Index.Email).ToArray()));
        values.Add(Array("connection", NpgsqlDbType.Text, entries.Select(e => e.Index.Connection).ToArray()));
        values.Add(Array("model", NpgsqlDbType.Text, entries.Select(e => e.Index.Model).ToArray()));
        values.Add(Array("status", NpgsqlDbType.Integer, entries.Select(e => e.Index.Status).ToArray()));
        values.Add(Array("decision", NpgsqlDbType.Text, entries.Select(e => e.Index.Decision).ToArray()));
        values.Add(Array("payload", NpgsqlDbType.Bytea, entries.Select(e => e.Payload).ToArray()));
        // A body stored as parts lives in audit_parts; the entry's own column stays empty (as on the embedded store).
        values.Add(Array("body", NpgsqlDbType.Bytea, entries.Select(e => e.BodyParts is null ? e.Body : null).ToArray()));
        values.Add(Array("body_hash", NpgsqlDbType.Bytea, entries.Select(e => e.BodyHash).ToArray()));
        values.Add(Array("prev_hash", NpgsqlDbType.Bytea, entries.Select(e => e.PrevHash).ToArray()));
        values.Add(Array("hash", NpgsqlDbType.Bytea, entries.Select(e => e.Hash).ToArray()));
        values.Add(new NpgsqlParameter("writer_id", NpgsqlDbType.Text) { Value = writerId });
        return command;
    }

    /// <summary>Creates a typed array parameter (typed, so an array of nulls still has a column type).</summary>
    public static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, T[] values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values };
}
