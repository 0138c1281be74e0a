using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Gatehouse.Gateway.Tests.Masking.Legacy;

/// <summary>
/// A frozen copy of the request path's JSON rewrite before the one-pass change (Protocols/Rewriting/JsonStringRewriter
/// at b2e2c8e): a strict parse of a copy of the body, then every string written again through a JSON writer.
/// </summary>
/// <remarks>Kept as the reference the one-pass rewrite is proven against, and as the benchmark's "before".</remarks>
internal static class LegacyJsonStringRewriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>Returns the rewritten document, or null when no string changed (or the body is not strict JSON).</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> json, Func<string, string?> rewrite)
    {
        var array = ArrayPool<byte>.Shared.Rent(Math.Max(json.Length, 1));
        try
        {
            json.CopyTo(array);
            if (!Utf8.IsValid(json))
            {
                return null;
            }

            using var document = JsonDocument.Parse(array.AsMemory(0, json.Length), Options);
            var output = new ArrayBufferWriter<byte>(json.Length + 16);
            using (var writer = new Utf8JsonWriter(output, WriterOptions))
            {
                if (!Write(document.RootElement, writer, rewrite))
                {
                    return null;
                }
            }

            return output.WrittenSpan.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private static bool Write(JsonElement element, Utf8JsonWriter writer, Func<string, string?> rewrite)
    {
        var changed = false;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var names = RewriteNames(element, rewrite);
                changed = names is not null;
                var index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(names?[index++] ?? property.Name);
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

    private static string[]? RewriteNames(JsonElement element, Func<string, string?> rewrite)
    {
        var names = new List<string>();
        List<(int Index, string Name)>? rewritten = null;
        foreach (var property in element.EnumerateObject())
        {
            var replaced = rewrite(property.Name);
            if (replaced is not null && !string.Equals(replaced, property.Name, StringComparison.Ordinal))
            {
                (rewritten ??= []).Add((names.Count, replaced));
            }

            names.Add(property.Name);
        }

        if (rewritten is null)
        {
            return null;
        }

        var result = names.ToArray();
        var taken = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var (index, _) in rewritten)
        {
            taken.Remove(names[index]);
        }

        foreach (var (index, name) in rewritten)
        {
            var candidate = name;
            for (var suffix = 2; !taken.Add(candidate); suffix++)
            {
                candidate = $"{name}#{suffix}";
            }

            result[index] = candidate;
        }

        return result;
    }
}
