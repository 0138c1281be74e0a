using System.Buffers;
using System.Globalization;
using Gatehouse.Export.Transports.Http;

namespace Gatehouse.Export.Transports.Splunk;

/// <summary>Writes a batch as HEC's concatenated event objects.</summary>
/// <remarks>
/// <c>{"time":1795599015.123,"host":..,"source":"gatehouse","sourcetype":..,"index":..,"event":..,"fields":{"seq":"N","kind":..}}</c>.
/// Indexed field values must be strings for HEC, hence the quoted sequence.
/// </remarks>
internal sealed class HecBatchWriter(HecOptions options, string host)
{
    public const string Source = "gatehouse";

    public void Write(IReadOnlyList<ExportEvent> batch, IBufferWriter<byte> output)
    {
        using var writer = EventJson.CreateWriter(output);
        foreach (var e in batch)
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", e.Time.ToUnixTimeMilliseconds() / 1000m);
            writer.WriteString("host", host);
            writer.WriteString("source", Source);
            writer.WriteString("sourcetype", options.Sourcetype);
            if (options.Index is not null)
            {
                writer.WriteString("index", options.Index);
            }

            writer.WritePropertyName("event");
            EventJson.WritePayload(writer, e);
            writer.WriteStartObject("fields");
            writer.WriteString("seq", e.Sequence.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("kind", e.Kind);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            output.Write("\n"u8);

            // Each event is its own top-level document; a reset keeps the writer from adding a separator.
            writer.Reset(output);
        }
    }
}
