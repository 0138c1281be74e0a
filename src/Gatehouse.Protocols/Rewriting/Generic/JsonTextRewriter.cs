using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Rewriting.Generic;

/// <summary>Rewrites every property name and every string value of a JSON document whole, keeping its structure.</summary>
/// <remarks>
/// For documents of no known shape: any string may carry model text, and so may a name (a map keyed by what the model
/// wrote). Parsed as strictly as requests are (no duplicate names, valid UTF-8, bounded depth).
/// </remarks>
internal static class JsonTextRewriter
{
    /// <summary>Writes <paramref name="json"/> rewritten to <paramref name="output"/>; returns an error (never quoting the document) or null.</summary>
    public static string? Rewrite(ReadOnlySpan<byte> json, Func<string, string> rewrite, IBufferWriter<byte> output)
    {
        using var lease = JsonBody.TryParseCopy(json, out var error);
        if (lease.Document is null)
        {
            return error ?? "is not valid JSON";
        }

        using var writer = new Utf8JsonWriter(output, JsonOutput.WriterOptions);
        Write(lease.Document.RootElement, writer, rewrite);
        return null;
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, Func<string, string> rewrite)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(rewrite(property.Name));
                    Write(property.Value, writer, rewrite);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, rewrite);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(rewrite(element.GetString()!));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
