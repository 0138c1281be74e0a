using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatehouse.Export.Transports.Http;

/// <summary>Writes event payloads into JSON request bodies.</summary>
internal static class EventJson
{
    /// <summary>
    /// Writer options for request bodies: these are never embedded in HTML, so non-ASCII text goes out as UTF-8
    /// rather than \u escapes, keeping bodies smaller and readable in the SIEM.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Creates a writer over <paramref name="output"/> with <see cref="WriterOptions"/>.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, WriterOptions);

    /// <summary>Writes the payload as the JSON object it is, or as a JSON string when it is not JSON (CEF).</summary>
    public static void WritePayload(Utf8JsonWriter writer, ExportEvent e)
    {
        if (e.IsJson)
        {
            writer.WriteRawValue(e.Payload.Span, skipInputValidation: false);
        }
        else
        {
            writer.WriteStringValue(e.Payload.Span);
        }
    }
}
