using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Integrity;

namespace Gatehouse.AuditCommands;

/// <summary>Says what <c>audit verify</c> found, in one line a person can act on.</summary>
internal static class VerificationText
{
    /// <summary>Describes the chain, then the sealed rows (when they were checked).</summary>
    /// <param name="result">The chain's verification.</param>
    /// <param name="rows">The rows' check; null when it did not run.</param>
    /// <param name="rowsCheckable">Whether the store can check its rows; when not, an intact chain says the rows were not checked.</param>
    public static string Describe(AuditVerification result, RowSealReport? rows, bool rowsCheckable = true)
    {
        var chain = Describe(result);
        if (rows is null)
        {
            return result.IsIntact && !rowsCheckable
                ? $"{chain}\nrows: not checked. This store cannot check API key, approval and grant rows against their seals yet."
                : chain;
        }

        if (rows.IsIntact)
        {
            return $"{chain}\nrows: intact. {rows.RowsChecked} API key, approval and grant rows match their seals.";
        }

        var lines = rows.Problems.Select(p => $"\n  {p}");
        return $"{chain}\nrows: TAMPERED. {rows.Problems.Count} of {rows.RowsChecked} API key, approval and grant rows do not match the audit trail:{string.Concat(lines)}";
    }

    public static string Describe(AuditVerification result)
    {
        if (result.IsIntact)
        {
            var removed = result.BodiesRemoved > 0 ? $", {result.BodiesRemoved} bodies removed by retention" : "";
            removed += result.Tombstones > 0 ? $", {result.Tombstones} records removed by retention and vouched for by signed checkpoints" : "";
            return $"audit: intact. {result.EntriesChecked} entries and {result.BodiesChecked} bodies verified{removed}; head at entry {result.Head?.Sequence ?? 0}.";
        }

        var what = result.Problem switch
        {
            AuditProblem.Edited => "its contents no longer match its hash (edited)",
            AuditProblem.BodyMismatch => "its prompt/response body no longer matches the hash the entry commits to (edited)",
            AuditProblem.Missing => "the entry before it is missing (deleted)",
            AuditProblem.OutOfOrder => "it is out of sequence (inserted or reordered)",
            AuditProblem.ChainBroken => "it does not link to the entry before it (inserted, replaced or reordered)",
            AuditProblem.HeadMismatch => "the stored head does not match the last entry (entries removed from the end, or the head edited)",
            AuditProblem.TombstoneUncovered => "it is a record removed by retention that no signed checkpoint covers (pass --public-key to check the checkpoints)",
            AuditProblem.TombstoneUnproven => "it is a record removed by retention and the signed checkpoint covering it does not match (its hash was altered, or the checkpoint is not genuine)",
            _ => result.Problem.ToString(),
        };
        return $"audit: TAMPERED. First bad entry: {result.FirstBadSequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {what}. {result.EntriesChecked} entries checked before stopping.";
    }
}
