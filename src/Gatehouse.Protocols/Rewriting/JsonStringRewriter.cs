using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Rewrites every string value of a JSON document, keeping everything else as it was.</summary>
/// <remarks>
/// Property names are never rewritten; numbers keep their written form, and members their order and nesting.
/// Insignificant whitespace is dropped. The document is parsed as strictly as requests are (no duplicate names,
/// valid UTF-8, bounded depth), so what is rewritten is exactly what a request parser would accept.
/// </remarks>
public static class JsonStringRewriter
{
    /// <summary>Rewrites the string values of <paramref name="json"/> with <paramref name="rewrite"/>.</summary>
    /// <param name="json">A UTF-8 JSON document.</param>
    /// <param name="rewrite">Returns the replacement of a string value, or null to keep it.</param>
    /// <returns>The new document when a value changed, no bytes when none did, or an error.</returns>
    public static JsonRewriteResult Rewrite(ReadOnlySpan<byte> json, Func<string, string?> rewrite)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        using var lease = JsonBody.TryParseCopy(json, out var error);
        if (lease.Document is null)
        {
            return new JsonRewriteResult(null, $"JSON document {error}");
        }

        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(output, JsonNodes.WriterOptions))
        {
            if (!Write(lease.Document.RootElement, writer, rewrite))
            {
                return default;
            }
        }

        return new JsonRewriteResult(output.WrittenSpan.ToArray(), null);
    }

    private static bool Write(JsonElement element, Utf8JsonWriter writer, Func<string, string?> rewrite)
    {
        var changed = false;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    changed |= Write(property.Value, writer, rewrite);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    changed |= Write(item, writer, rewrite);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                var replaced = rewrite(text);
                changed = replaced is not null && !string.Equals(replaced, text, StringComparison.Ordinal);
                writer.WriteStringValue(changed ? replaced : text);
                break;
            default:
                element.WriteTo(writer);
                break;
        }

        return changed;
    }
}
