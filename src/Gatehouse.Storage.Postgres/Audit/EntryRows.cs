using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Reads and binds the columns of <c>audit_entries</c>.</summary>
internal static class EntryRows
{
    private const string InsertSql = $"""
        INSERT INTO audit_entries ({EntryReader.Columns}, writer_id)
        VALUES (@seq, @kind, @exchange_id, @time_ticks, @subject, @email, @connection, @model, @status, @decision,
                @payload, @body, @body_hash, @prev_hash, @hash, @writer_id)
        """;

    private static readonly (string Name, NpgsqlDbType Type)[] Parameters =
    [
        ("seq", NpgsqlDbType.Bigint), ("kind", NpgsqlDbType.Text), ("exchange_id", NpgsqlDbType.Text),
        ("time_ticks", NpgsqlDbType.Bigint), ("subject", NpgsqlDbType.Text), ("email", NpgsqlDbType.Text),
        ("connection", NpgsqlDbType.Text), ("model", NpgsqlDbType.Text), ("status", NpgsqlDbType.Integer),
        ("decision", NpgsqlDbType.Text), ("payload", NpgsqlDbType.Bytea), ("body", NpgsqlDbType.Bytea),
        ("body_hash", NpgsqlDbType.Bytea), ("prev_hash", NpgsqlDbType.Bytea), ("hash", NpgsqlDbType.Bytea),
        ("writer_id", NpgsqlDbType.Text),
    ];

    public static NpgsqlCommand CreateInsert(NpgsqlConnection connection, NpgsqlTransaction transaction, string writerId)
    {
        var command = new NpgsqlCommand(InsertSql, connection, transaction);
        foreach (var (name, type) in Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, type));
        }

        command.Parameters[^1].Value = writerId;
        return command;
    }

    public static void Bind(NpgsqlCommand insert, AuditEntry entry) => EntryBinding.Bind(insert.Parameters, entry);
}
