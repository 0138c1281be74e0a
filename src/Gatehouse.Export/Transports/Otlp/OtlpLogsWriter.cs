using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Gatehouse.Export.Transports.Http;

namespace Gatehouse.Export.Transports.Otlp;

/// <summary>Writes a batch as an OTLP <c>ExportLogsServiceRequest</c> in the OTLP/JSON encoding.</summary>
/// <remarks>
/// OTLP/JSON follows the protobuf JSON mapping: 64-bit integers (times, the sequence) are decimal strings and enums
/// (severityNumber) are integers. The payload is the record's string body, whatever its format.
/// </remarks>
internal sealed class OtlpLogsWriter(OtlpOptions options)
{
    private const long NanosecondsPerTick = 100;

    public void Write(IReadOnlyList<ExportEvent> batch, DateTimeOffset observed, IBufferWriter<byte> output)
    {
        using var writer = EventJson.CreateWriter(output);
        writer.WriteStartObject();
        writer.WriteStartArray("resourceLogs");
        writer.WriteStartObject();
        writer.WriteStartObject("resource");
        writer.WriteStartArray("attributes");
        WriteAttribute(writer, "service.name", "stringValue", options.ServiceName);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("scopeLogs");
        writer.WriteStartObject();
        writer.WriteStartObject("scope");
        writer.WriteString("name", options.ScopeName);
        writer.WriteEndObject();
        writer.WriteStartArray("logRecords");
        var observedNanos = UnixNanos(observed);
        foreach (var e in batch)
        {
            writer.WriteStartObject();
            writer.WriteString("timeUnixNano", UnixNanos(e.Time));
            writer.WriteString("observedTimeUnixNano", observedNanos);
            writer.WriteNumber("severityNumber", OtlpSeverity.Number(e.Severity));
            writer.WriteString("severityText", OtlpSeverity.Text(e.Severity));
            writer.WriteStartObject("body");
            writer.WriteString("stringValue", e.Payload.Span);
            writer.WriteEndObject();
            writer.WriteStartArray("attributes");
            WriteAttribute(writer, "gatehouse.seq", "intValue", e.Sequence.ToString(CultureInfo.InvariantCulture));
            WriteAttribute(writer, "gatehouse.kind", "stringValue", e.Kind);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string UnixNanos(DateTimeOffset time)
        => ((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * NanosecondsPerTick).ToString(CultureInfo.InvariantCulture);

    private static void WriteAttribute(Utf8JsonWriter writer, string key, string valueKind, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("key", key);
        writer.WriteStartObject("value");
        writer.WriteString(valueKind, value);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
