using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Export.Transports.Otlp;

/// <summary>Reads <c>partialSuccess.rejectedLogRecords</c> from an <c>ExportLogsServiceResponse</c> in JSON.</summary>
internal static class OtlpReply
{
    /// <summary>Returns how many records the collector rejected; 0 when the body is empty or says nothing of it.</summary>
    /// <remarks>int64 arrives as a string under the protobuf JSON mapping, but some servers send a number: both are read.</remarks>
    public static long RejectedRecords(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return 0;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("partialSuccess", out var partial)
                || partial.ValueKind != JsonValueKind.Object
                || !partial.TryGetProperty("rejectedLogRecords", out var rejected))
            {
                return 0;
            }

            return rejected.ValueKind switch
            {
                JsonValueKind.Number when rejected.TryGetInt64(out var n) => n,
                JsonValueKind.String when long.TryParse(rejected.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => 0,
            };
        }
        catch (JsonException)
        {
            // A 200 whose body is not JSON (a protobuf-only server) says nothing about rejections.
            return 0;
        }
    }
}
