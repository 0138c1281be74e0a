using Gatehouse.Audit.Chain;
using Microsoft.Data.Sqlite;

namespace Gatehouse.CrashTest;

/// <summary>Reads the gateway's audit table directly, read-only, to check what a crash left behind.</summary>
internal sealed class AuditInspector(string databasePath)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString();

    /// <summary>Counts intents that have neither an outcome nor an interruption entry.</summary>
    public Task<long> UnresolvedIntentsAsync() => ScalarAsync($"""
        SELECT COUNT(*) FROM audit_entries i
        WHERE i.kind = '{AuditEntryKinds.Intent}'
          AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.exchange_id = i.exchange_id
                          AND e.kind IN ('{AuditEntryKinds.Outcome}', '{AuditEntryKinds.Interrupted}'))
        """);

    /// <summary>Counts the interruption entries written by start-up recovery so far.</summary>
    public Task<long> InterruptedAsync() => ScalarAsync($"SELECT COUNT(*) FROM audit_entries WHERE kind = '{AuditEntryKinds.Interrupted}'");

    /// <summary>Counts the intents so far.</summary>
    public Task<long> IntentsAsync() => ScalarAsync($"SELECT COUNT(*) FROM audit_entries WHERE kind = '{AuditEntryKinds.Intent}'");

    /// <summary>
    /// Returns those of <paramref name="ids"/> that lack an intent, or that have neither an outcome nor an interruption
    /// entry: exchanges the client saw complete that the audit lost.
    /// </summary>
    public async Task<IReadOnlyList<string>> WithoutCompleteRecordAsync(IEnumerable<string> ids)
    {
        var intents = await IdsAsync(AuditEntryKinds.Intent);
        var outcomes = await IdsAsync(AuditEntryKinds.Outcome);
        var interrupted = await IdsAsync(AuditEntryKinds.Interrupted);
        return [.. ids.Where(id => !intents.Contains(id) || (!outcomes.Contains(id) && !interrupted.Contains(id)))];
    }

    /// <summary>
    /// Counts those of <paramref name="ids"/> whose outcome a kill caught between the end of the response and the
    /// outcome's commit: recorded by their intent and an interruption entry instead of an outcome.
    /// </summary>
    public async Task<int> OutcomeLostAsync(IEnumerable<string> ids)
    {
        var outcomes = await IdsAsync(AuditEntryKinds.Outcome);
        var interrupted = await IdsAsync(AuditEntryKinds.Interrupted);
        return ids.Count(id => !outcomes.Contains(id) && interrupted.Contains(id));
    }

    private async Task<HashSet<string>> IdsAsync(string kind)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT exchange_id FROM audit_entries WHERE kind = $kind";
        command.Parameters.AddWithValue("$kind", kind);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
