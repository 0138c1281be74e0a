using Gatehouse.Audit.Chain;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting;

/// <summary>Grades an entry from its kind, index columns and a byte scan of its payload, without decoding it.</summary>
/// <remarks>The same grades <see cref="EntryDecoder"/> gives; native JSON uses this path because it never needs the decoded record.</remarks>
internal static class EntrySeverity
{
    public static ExportSeverity Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var payload = entry.Payload.AsSpan();
        return entry.Kind switch
        {
            AuditEntryKinds.Intent => entry.Index.Decision is null or "allow" ? ExportSeverity.Informational : ExportSeverity.Notice,
            AuditEntryKinds.Outcome or AuditEntryKinds.Interrupted when payload.IndexOf("\"failure\":\"audit_intent_late\""u8) >= 0 => ExportSeverity.Error,
            AuditEntryKinds.Outcome or AuditEntryKinds.Interrupted when entry.Index.Status >= 400 || payload.IndexOf("\"failure\":"u8) >= 0 => ExportSeverity.Notice,
            AuditEntryKinds.SignInFailed => ExportSeverity.Warning,
            _ => ExportSeverity.Informational,
        };
    }
}
