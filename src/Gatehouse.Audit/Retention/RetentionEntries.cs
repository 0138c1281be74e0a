using System.Text.Json;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Audit.Retention;

/// <summary>Builds the audit entries of legal holds and retention runs.</summary>
public static class RetentionEntries
{
    /// <summary>The entry that records <paramref name="hold"/> being placed.</summary>
    public static AuditEntryDraft HoldPlaced(LegalHold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return Hold(RetentionEntryKinds.HoldPlaced, hold, hold.CreatedBy, hold.CreatedAt);
    }

    /// <summary>The entry that records <paramref name="hold"/> being released.</summary>
    public static AuditEntryDraft HoldReleased(LegalHold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return Hold(RetentionEntryKinds.HoldReleased, hold, hold.ReleasedBy ?? "", hold.ReleasedAt ?? hold.CreatedAt);
    }

    /// <summary>The entry that records a retention run.</summary>
    public static AuditEntryDraft Run(RetentionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var payload = JsonSerializer.SerializeToUtf8Bytes(report, RetentionJsonContext.Default.RetentionReport);
        var id = "retention-" + report.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AuditEntryDraft(RetentionEntryKinds.Run, id, report.At, AuditIndex.Empty, payload, null, null);
    }

    private static AuditEntryDraft Hold(string kind, LegalHold hold, string actor, DateTimeOffset at)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(hold, RetentionJsonContext.Default.LegalHold);
        return new AuditEntryDraft(kind, hold.Id, at, new AuditIndex { Subject = actor }, payload, null, null);
    }
}
