using System.Globalization;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Retention;
using Gatehouse.Cli;

namespace Gatehouse.Retention;

/// <summary>Renders holds and retention reports for people and, as JSON, for scripts.</summary>
internal static class RetentionText
{
    public static string Holds(IReadOnlyList<LegalHold> holds) => TextTable.Render(
        ["ID", "TARGET", "VALUE", "PLACED", "BY", "RELEASED", "REASON"],
        holds.Select(h => (IReadOnlyList<string>)
        [
            h.Id, h.Target == LegalHoldTarget.User ? "user" : "exchange", h.Value, Time(h.CreatedAt), h.CreatedBy,
            h.ReleasedAt is { } at ? Time(at) : "-", h.Reason,
        ]));

    public static string Report(RetentionReport report)
    {
        var text = new StringBuilder(TextTable.Render(
            ["CONNECTION", "BODIES REMOVED", "ENTRIES TOMBSTONED", "HELD"],
            report.Connections.Select(c => (IReadOnlyList<string>)
                [c.Connection, Number(c.BodiesRemoved), Number(c.EntriesTombstoned), Number(c.ExchangesHeld)])));
        if (report.RefusalsTombstoned > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"refused callers (identity.refused): {Number(report.RefusalsTombstoned)} entries tombstoned\n");
        }

        if (report.Checkpoint is { } checkpoint)
        {
            text.Append(CultureInfo.InvariantCulture, $"bridging checkpoint: {checkpoint.TreeSize} entries, key {checkpoint.KeyId}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"active holds: {report.Holds.Count}\n");
        text.Append(report.Sequence is { } sequence
            ? string.Create(CultureInfo.InvariantCulture, $"audited at entry {sequence}\n")
            : "dry run: nothing was changed or recorded\n");
        return text.ToString();
    }

    public static string Json(IReadOnlyList<LegalHold> holds) => JsonSerializer.Serialize([.. holds], RetentionCliJsonContext.Default.ListLegalHold);

    public static string Json(RetentionReport report) => JsonSerializer.Serialize(report, RetentionCliJsonContext.Default.RetentionReport);

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
