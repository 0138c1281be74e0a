using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting;

/// <summary>Decodes an entry's payload by kind and grades its severity; content is kept only when the sink includes bodies.</summary>
internal static class EntryDecoder
{
    public static DecodedEntry Decode(AuditEntry entry, bool includeBodies)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var body = includeBodies && entry.Body is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        try
        {
            return entry.Kind switch
            {
                AuditEntryKinds.Intent => Intent(entry, body),
                AuditEntryKinds.Outcome or AuditEntryKinds.Interrupted => Outcome(entry, body, includeBodies),
                AuditEntryKinds.SignInFailed => new DecodedEntry(entry, ExportSeverity.Warning)
                {
                    SignIn = AuditEntryCodec.DecodeSignInFailure(entry.Payload),
                },
                _ when IsReview(entry.Kind) => new DecodedEntry(entry, ExportSeverity.Informational) { Review = Review(entry) },
                _ => new DecodedEntry(entry, ExportSeverity.Informational),
            };
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or NotSupportedException)
        {
            // A payload this version cannot read is still exported, as its envelope, so the sink never has a gap.
            return new DecodedEntry(entry, ExportSeverity.Notice);
        }
    }

    public static bool IsReview(string kind) =>
        kind.StartsWith("approval.", StringComparison.Ordinal) || kind.StartsWith("grant.", StringComparison.Ordinal);

    private static DecodedEntry Intent(AuditEntry entry, string? body)
    {
        var intent = AuditEntryCodec.DecodeIntent(entry.Payload, null);
        var severity = intent.Decision == "allow" ? ExportSeverity.Informational : ExportSeverity.Notice;
        return new DecodedEntry(entry, severity) { Intent = intent, BodyText = body };
    }

    private static DecodedEntry Outcome(AuditEntry entry, string? body, bool includeBodies)
    {
        var outcome = AuditEntryCodec.DecodeOutcome(entry.Payload, null);
        if (!includeBodies && outcome.ToolCalls.Count > 0)
        {
            outcome = outcome with { ToolCalls = [.. outcome.ToolCalls.Select(c => c with { Arguments = "" })] };
        }

        // Forwarding without a durable intent (fail-open) is the one outcome that means the audit itself was broken.
        var severity = outcome.Failure == ExchangeFailureCode.AuditIntentLate.ToName() ? ExportSeverity.Error
            : outcome.Failure is not null || outcome.Status >= 400 ? ExportSeverity.Notice
            : ExportSeverity.Informational;

        return new DecodedEntry(entry, severity) { Outcome = outcome, BodyText = body };
    }

    private static ReviewFacts Review(AuditEntry entry)
    {
        using var document = JsonDocument.Parse(entry.Payload);
        var root = document.RootElement;
        return new ReviewFacts(
            entry.Kind,
            Text(root, "approvalId"),
            Text(root, "exchangeId"),
            Text(root, "connection"),
            Text(root, "requester"),
            Text(root, "reviewer"),
            Text(root, "decision"));
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
