using Gatehouse.Audit.Chain;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting;

/// <summary>Turns one audit entry into one event line of a sink's format.</summary>
internal interface IExportFormatter
{
    /// <summary>Formats <paramref name="entry"/>; never throws for an entry it cannot decode (it exports the envelope).</summary>
    ExportEvent Format(AuditEntry entry);
}
