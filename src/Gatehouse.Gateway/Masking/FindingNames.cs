using Gatehouse.Audit.Records;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Masking;

/// <summary>Turns the engine's findings into the audit's, naming direction and field; never the value.</summary>
internal static class FindingNames
{
    public static AuditFinding ToAudit(Finding finding, string direction, string field)
        => new(finding.RuleId, Category(finding.Category), direction, field, finding.Fingerprint, Checksum(finding.Checksum), Placeholder(finding));

    /// <summary>True for a published documentation example, else null, so that records and reports without one are
    /// written exactly as before the field existed.</summary>
    public static bool? Placeholder(Finding finding) => finding.Placeholder ? true : null;

    /// <summary>The stable name of a checksum status in records and reports: <c>valid</c>, <c>invalid</c>, or null.</summary>
    public static string? Checksum(ChecksumStatus status) => status switch
    {
        ChecksumStatus.Valid => "valid",
        ChecksumStatus.Invalid => "invalid",
        _ => null,
    };

    public static string Category(RuleCategory category) => category switch
    {
        RuleCategory.Pii => "pii",
        RuleCategory.Internal => "internal",
        _ => "secret",
    };
}
