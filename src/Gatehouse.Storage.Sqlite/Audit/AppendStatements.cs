using System.Runtime.CompilerServices;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>The statements of an append, prepared once per connection and reused by every batch on it.</summary>
/// <remarks>
/// <para>
/// The provider compiles a command's SQL on its first execution and keeps the compiled statement while the command
/// lives and its text is unchanged. Creating the commands per batch compiled them all again every batch; kept here, a
/// batch only binds values and steps. The entry rows and the part references each go in one statement per batch, one
/// compiled statement per row count (<see cref="RowInserts"/>).
/// </para>
/// <para>
/// Keyed by connection, so each connection has its own and none outlives it. A connection runs one caller at a time
/// (the writer's lock), which is also the only way to reach these. Closing a connection finalizes its statements; the
/// commands compile again if it is reopened.
/// </para>
/// </remarks>
internal sealed class AppendStatements
{
    private const string ReadHeadSql = "SELECT seq, hash FROM audit_head WHERE id = 1";

    private const string MoveHeadSql = """
        INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash)
        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
        """;

    private static readonly ConditionalWeakTable<SqliteConnection, AppendStatements> Prepared = new();

    private AppendStatements(SqliteConnection connection)
    {
        ReadHead = Create(connection, ReadHeadSql);
        Entries = new RowInserts(connection, "audit_entries", EntryReader.Columns);
        References = new RowInserts(connection, "audit_entry_parts", PartWriter.ReferenceColumns);
        Parts = SqlitePartIds.CreateWriter(connection);
        MoveHead = Create(connection, MoveHeadSql, "@seq", "@hash");
    }

    /// <summary>Gets the query of the chain's head.</summary>
    public SqliteCommand ReadHead { get; }

    /// <summary>Gets the multi-row inserts of entry rows (<see cref="EntryBinding"/>), one prepared statement per row count.</summary>
    public RowInserts Entries { get; }

    /// <summary>Gets the writer of the batch's parts, which gathers the batch's references to them.</summary>
    public PartWriter Parts { get; }

    /// <summary>Gets the multi-row inserts of the references <see cref="Parts"/> gathered (<see cref="PartReference.Bind"/>).</summary>
    public RowInserts References { get; }

    /// <summary>Gets the upsert of the head.</summary>
    public SqliteCommand MoveHead { get; }

    /// <summary>Returns the statements of <paramref name="connection"/>, bound to <paramref name="transaction"/> for one batch.</summary>
    public static AppendStatements For(SqliteConnection connection, SqliteTransaction transaction)
    {
        var statements = Prepared.GetValue(connection, static c => new AppendStatements(c));
        statements.ReadHead.Transaction = transaction;
        statements.MoveHead.Transaction = transaction;
        statements.Parts.Begin(transaction);
        return statements;
    }

    /// <summary>Inserts sealed <paramref name="entries"/> as rows, in order, in one statement per <see cref="RowInserts.MaxRows"/>.</summary>
    public Task InsertEntriesAsync(IReadOnlyList<AuditEntry> entries, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        Entries.InsertAsync(entries, EntryBinding.Bind, transaction, cancellationToken);

    /// <summary>Inserts the references <see cref="Parts"/> gathered since the batch began, in one statement per <see cref="RowInserts.MaxRows"/>.</summary>
    public Task InsertReferencesAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        References.InsertAsync(Parts.References, PartReference.Bind, transaction, cancellationToken);

    /// <summary>Creates a command with <paramref name="sql"/> and an empty parameter for each of <paramref name="names"/>.</summary>
    public static SqliteCommand Create(SqliteConnection connection, string sql, params IEnumerable<string> names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
