using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Audit.Chain;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting;

/// <summary>
/// Gatehouse's own JSON: <c>{"seq","kind","id","time","severity","hash","prevHash","bodyHash","entry":{payload},"body"}</c>.
/// </summary>
/// <remarks>
/// <c>entry</c> is the stored canonical payload, byte for byte, so a receiver holding the chain rules can recompute
/// <c>hash</c>. The one exception: without <c>includeBodies</c>, tool-call arguments (content) are blanked, which
/// a receiver verifying hashes must know.
/// </remarks>
internal sealed class NativeJsonFormatter(bool includeBodies) : IExportFormatter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    public ExportEvent Format(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var severity = EntrySeverity.Of(entry);
        var buffer = new ArrayBufferWriter<byte>(entry.Payload.Length + 512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", entry.Sequence);
            writer.WriteString("kind", entry.Kind);
            writer.WriteString("id", entry.ExchangeId);
            writer.WriteString("time", entry.Time.UtcDateTime);
            writer.WriteString("severity", SeverityNames.Of(severity));
            writer.WriteString("hash", Convert.ToHexStringLower(entry.Hash));
            writer.WriteString("prevHash", Convert.ToHexStringLower(entry.PrevHash));
            if (entry.BodyHash is { } bodyHash)
            {
                writer.WriteString("bodyHash", Convert.ToHexStringLower(bodyHash));
            }

            writer.WritePropertyName("entry");
            WritePayload(writer, entry);
            if (includeBodies && entry.Body is { } body)
            {
                writer.WriteString("body", System.Text.Encoding.UTF8.GetString(body));
            }

            writer.WriteEndObject();
        }

        return new ExportEvent(entry.Sequence, entry.Time, entry.Kind, severity, buffer.WrittenMemory, IsJson: true);
    }

    private void WritePayload(Utf8JsonWriter writer, AuditEntry entry)
    {
        if (includeBodies || !AuditEntryKinds.EndsExchange(entry.Kind) || entry.Payload.AsSpan().IndexOf("\"toolCalls\""u8) < 0)
        {
            WriteRaw(writer, entry.Payload);
            return;
        }

        var node = JsonNode.Parse(entry.Payload);
        if (node?["toolCalls"] is JsonArray calls)
        {
            foreach (var call in calls.OfType<JsonObject>())
            {
                call["arguments"] = "";
            }
        }

        node?.WriteTo(writer);
    }

    private static void WriteRaw(Utf8JsonWriter writer, byte[] payload)
    {
        try
        {
            writer.WriteRawValue(payload, skipInputValidation: false);
        }
        catch (JsonException)
        {
            // A payload that is not JSON is carried as text rather than dropped: the sink must not have a gap.
            writer.WriteStringValue(System.Text.Encoding.UTF8.GetString(payload));
        }
    }
}
