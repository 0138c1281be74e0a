using Gatehouse.Storage.Integrity;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Integrity;

/// <summary>Checks every API key, approval and grant row against the last seal the hash chain holds for it.</summary>
/// <remarks>Run after the chain itself verified, so the seals can be trusted; a row is reported by table and id only.</remarks>
internal static class RowSealVerifier
{
    public static async Task<RowSealReport> VerifyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var seals = new Dictionary<(string Table, string Id), (long Sequence, string Hash)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, payload FROM audit_entries WHERE kind IN (SELECT value FROM json_each(@kinds)) ORDER BY seq";
            command.Parameters.AddWithValue("@kinds", JsonSerializer.Serialize(RowSeals.Kinds.ToArray(), Relational.Keys.GroupsJsonContext.Default.StringArray));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                using var payload = JsonDocument.Parse(reader.GetFieldValue<byte[]>(1));
                var root = payload.RootElement;
                if (root.TryGetProperty("table", out var table) && root.TryGetProperty("id", out var id) && root.TryGetProperty("rowHash", out var hash))
                {
                    seals[(table.GetString() ?? "", id.GetString() ?? "")] = (reader.GetInt64(0), hash.GetString() ?? "");
                }
            }
        }

        var problems = new List<RowSealProblem>();
        var rows = 0L;
        foreach (var table in RowSeals.Tables)
        {
            var ids = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT id FROM {RowSeals.Checked(table)} ORDER BY id";
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                }
            }

            foreach (var id in ids)
            {
                rows++;
                var actual = Convert.ToHexStringLower(RowHash.Compute(connection, null, table, id) ?? []);
                if (!seals.Remove((table, id), out var seal))
                {
                    problems.Add(new RowSealProblem(table, id, null, "has no seal in the audit trail (inserted behind the gateway's back)"));
                }
                else if (seal.Hash != actual)
                {
                    problems.Add(new RowSealProblem(table, id, seal.Sequence, $"does not match its seal at entry {seal.Sequence} (edited behind the gateway's back)"));
                }
            }
        }

        foreach (var ((table, id), seal) in seals.Where(s => RowSeals.Tables.Contains(s.Key.Table)))
        {
            problems.Add(new RowSealProblem(table, id, seal.Sequence, $"is sealed at entry {seal.Sequence} but missing (deleted behind the gateway's back)"));
        }

        return new RowSealReport(rows, problems);
    }
}
