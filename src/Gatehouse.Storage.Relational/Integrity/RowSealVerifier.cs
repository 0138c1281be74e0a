using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Gatehouse.Storage.Integrity;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Relational.Integrity;

/// <summary>Checks every sealed row (API keys, approvals, grants, ...) against the last seal the hash chain holds for it, on either provider.</summary>
/// <remarks>
/// Run after the chain itself verified, so the seals can be trusted; a row is reported by table and id only. The
/// caller passes one read transaction that is a single snapshot (SQLite: a deferred transaction under WAL; PostgreSQL:
/// REPEATABLE READ), so a change committed while this runs, which updates a row and appends its seal together, is seen
/// whole or not at all and cannot be reported as tampering.
/// </remarks>
internal static class RowSealVerifier
{
    public static async Task<RowSealReport> VerifyAsync(
        DbConnection connection, DbTransaction transaction, ISealedRows sealedRows, CancellationToken cancellationToken)
    {
        var seals = await ReadSealsAsync(connection, transaction, sealedRows.Kinds, cancellationToken).ConfigureAwait(false);
        var problems = new List<RowSealProblem>();
        var rows = 0L;
        foreach (var table in sealedRows.Tables)
        {
            foreach (var id in await ReadIdsAsync(connection, transaction, table, cancellationToken).ConfigureAwait(false))
            {
                rows++;
                var hash = await sealedRows.HashAsync(connection, transaction, table, id, cancellationToken).ConfigureAwait(false);
                var actual = Convert.ToHexStringLower(hash ?? []);
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

        foreach (var ((table, id), seal) in seals.Where(s => sealedRows.Tables.Contains(s.Key.Table)))
        {
            problems.Add(new RowSealProblem(table, id, seal.Sequence, $"is sealed at entry {seal.Sequence} but missing (deleted behind the gateway's back)"));
        }

        return new RowSealReport(rows, problems);
    }

    // The last seal of each row wins: entries are read in sequence order.
    private static async Task<Dictionary<(string Table, string Id), (long Sequence, string Hash)>> ReadSealsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<string> kinds, CancellationToken cancellationToken)
    {
        var seals = new Dictionary<(string Table, string Id), (long Sequence, string Hash)>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = kinds.Select((kind, i) => "@kind" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < kinds.Count; i++)
        {
            command.Add(names[i], kinds[i]);
        }

        command.CommandText = $"SELECT seq, payload FROM audit_entries WHERE kind IN ({string.Join(", ", names)}) ORDER BY seq";
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

        return seals;
    }

    private static async Task<List<string>> ReadIdsAsync(
        DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT id FROM {table} ORDER BY id";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
