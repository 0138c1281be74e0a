using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Export.Transports.Splunk;

/// <summary>Reads the few fields Gatehouse needs from HEC's JSON answers.</summary>
internal static class HecReply
{
    /// <summary>Reads <c>code</c> from <c>{"text":..,"code":N}</c>, or null if the body is not such a document.</summary>
    public static int? Code(ReadOnlyMemory<byte> body) => Property(body, "code") is { ValueKind: JsonValueKind.Number } code
        && code.TryGetInt32(out var value) ? value : null;

    /// <summary>Reads <c>ackId</c> from the answer to an event batch.</summary>
    public static long? AckId(ReadOnlyMemory<byte> body) => Property(body, "ackId") is { ValueKind: JsonValueKind.Number } id
        && id.TryGetInt64(out var value) ? value : null;

    /// <summary>Reads whether <c>{"acks":{"N":true}}</c> confirms <paramref name="ackId"/>.</summary>
    public static bool IsAcknowledged(ReadOnlyMemory<byte> body, long ackId)
        => Property(body, "acks") is { ValueKind: JsonValueKind.Object } acks
            && acks.TryGetProperty(ackId.ToString(CultureInfo.InvariantCulture), out var acked)
            && acked.ValueKind == JsonValueKind.True;

    private static JsonElement? Property(ReadOnlyMemory<byte> body, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? value.Clone()
                : null;
        }
        catch (JsonException)
        {
            // A proxy's HTML error page or an empty body: there is no HEC field to read.
            return null;
        }
    }
}
