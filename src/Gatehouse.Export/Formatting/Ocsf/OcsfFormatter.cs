using System.Buffers;
using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting.Ocsf;

/// <summary>
/// Formats entries as OCSF 1.3 events: exchanges and approval events as API Activity (6003), sign-in failures as
/// Authentication (3002). See docs/designs/export.md for the mapping table.
/// </summary>
internal sealed class OcsfFormatter(bool includeBodies, string productVersion) : IExportFormatter
{
    private const int MemoCapacity = 10_000;
    private readonly IntentMemo _intents = new(MemoCapacity);

    public ExportEvent Format(AuditEntry entry)
    {
        var decoded = EntryDecoder.Decode(entry, includeBodies);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (decoded.SignIn is { } signIn)
            {
                OcsfAuthentication.Write(writer, decoded, signIn, productVersion);
            }
            else
            {
                WriteApiActivity(writer, decoded);
            }

            writer.WriteEndObject();
        }

        return new ExportEvent(entry.Sequence, entry.Time, entry.Kind, decoded.Severity, buffer.WrittenMemory, IsJson: true);
    }

    private void WriteApiActivity(Utf8JsonWriter writer, DecodedEntry decoded)
    {
        var entry = decoded.Entry;
        if (decoded.Intent is { } remembered)
        {
            _intents.Remember(remembered);
        }

        var intent = decoded.Intent ?? (decoded.Outcome is not null ? _intents.Find(entry.ExchangeId) : null);
        var (activityId, activityName) = Activity(decoded);
        OcsfHeader.Write(writer, OcsfClass.ApiActivity, activityId, activityName, decoded, Succeeded(decoded), productVersion);
        writer.WriteString("message", EventMessages.Of(decoded));

        writer.WriteStartObject("actor");
        OcsfUser.Write(writer, "user", intent?.Identity, decoded.Review?.Reviewer ?? decoded.Review?.Requester ?? entry.Index.Subject);
        writer.WriteEndObject();

        writer.WriteStartObject("api");
        writer.WriteString("operation", decoded.Review is not null || decoded.Intent is null && intent is null ? entry.Kind : intent!.Api);
        writer.WriteStartObject("service");
        writer.WriteString("name", intent?.Connection ?? decoded.Review?.Connection ?? entry.Index.Connection ?? "gatehouse");
        writer.WriteEndObject();
        writer.WriteStartObject("request");
        writer.WriteString("uid", entry.ExchangeId);
        writer.WriteEndObject();
        if (decoded.Outcome is { } outcome)
        {
            writer.WriteStartObject("response");
            writer.WriteNumber("code", outcome.Status);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        OcsfHeader.WriteSourceEndpoint(writer, intent?.ClientAddress);
        if (intent is not null)
        {
            OcsfHttp.WriteRequest(writer, intent);
        }

        if (decoded.Outcome is { } ended)
        {
            OcsfHttp.WriteResponse(writer, ended);
        }

        OcsfUnmapped.Write(writer, decoded, includeBodies);
    }

    private static (int Id, string Name) Activity(DecodedEntry decoded)
    {
        if (decoded.Intent is { } intent)
        {
            return intent.Method.ToUpperInvariant() switch
            {
                "POST" => (1, "Create"),
                "GET" or "HEAD" => (2, "Read"),
                "PUT" or "PATCH" => (3, "Update"),
                "DELETE" => (4, "Delete"),
                _ => (99, "Other"),
            };
        }

        if (decoded.Review is { } review)
        {
            return review.Action switch
            {
                "requested" => (1, "Create"),
                "released" => (99, "Release"),
                _ => (3, "Update"),
            };
        }

        return decoded.Entry.Kind == AuditEntryKinds.Interrupted ? (99, "Interrupt") : (99, decoded.Outcome is null ? "Other" : "Respond");
    }

    private static bool? Succeeded(DecodedEntry decoded) =>
        decoded.Intent is { } intent ? intent.Decision == "allow"
        : decoded.Outcome is { } outcome ? outcome.Failure is null && outcome.Status is > 0 and < 400
        : decoded.Review is { } review ? review.Action is not ("rejected" or "timed_out")
        : null;
}
