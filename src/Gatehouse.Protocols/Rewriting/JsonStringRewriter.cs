using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Rewrites every string of a JSON document, property names included, keeping everything else as it was.</summary>
/// <remarks>
/// <para>Property names go through the same rewrite as values, because an upstream reads them as text too (a secret
/// used as a key of <c>metadata</c> reaches the model like any value). A rewritten name that would equal another name
/// of the same object gets the first free suffix <c>#2</c>, <c>#3</c>, ..., so that the document stays free of
/// duplicate names and no member is lost; names left as they were keep priority.</para>
/// Numbers keep their written form, and members their order and nesting.
/// Insignificant whitespace is dropped. The document is parsed as strictly as requests are (no duplicate names,
/// valid UTF-8, bounded depth), so what is rewritten is exactly what a request parser would accept.
/// </remarks>
public static class JsonStringRewriter
{
    /// <summary>Rewrites the strings (values and property names) of <paramref name="json"/> with <paramref name="rewrite"/>.</summary>
    /// <param name="json">A UTF-8 JSON document.</param>
    /// <param name="rewrite">Returns the replacement of a string, or null to keep it.</param>
    /// <returns>The new document when a string changed, no bytes when none did, or an error.</returns>
    public static JsonRewriteResult Rewrite(ReadOnlySpan<byte> json, Func<string, string?> rewrite)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        using var lease = JsonBody.TryParseCopy(json, out var error);
        if (lease.Document is null)
        {
            return new JsonRewriteResult(null, $"JSON document {error}");
        }

        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(output, JsonOutput.WriterOptions))
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

    // Returns the object's names after the rewrite, or null when none changed.
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
