using System.Text.Json;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Control.AuditApi;

/// <summary>An entry recorded under an exchange besides its intent and outcome, such as an approval's review.</summary>
internal sealed record AuditEventView(long Sequence, string Kind, DateTimeOffset Time, JsonElement Details)
{
    public static AuditEventView Of(AuditEntry entry)
    {
        using var details = JsonDocument.Parse(entry.Payload);
        return new AuditEventView(entry.Sequence, entry.Kind, entry.Time, details.RootElement.Clone());
    }
}
