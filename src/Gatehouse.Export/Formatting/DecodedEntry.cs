using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting;

/// <summary>An audit entry with its payload decoded by kind; at most one of the decoded parts is set.</summary>
/// <remarks>An entry whose kind is unknown or whose payload does not decode keeps only its envelope, so it is still exported.</remarks>
internal sealed record DecodedEntry(AuditEntry Entry, ExportSeverity Severity)
{
    public ExchangeIntent? Intent { get; init; }

    public ExchangeOutcome? Outcome { get; init; }

    public SignInFailure? SignIn { get; init; }

    public ReviewFacts? Review { get; init; }

    /// <summary>Gets the masked prompt or response, only when the sink includes bodies.</summary>
    public string? BodyText { get; init; }
}
