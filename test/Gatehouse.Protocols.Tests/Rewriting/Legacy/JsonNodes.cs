// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Strict parsing into mutable nodes, and compact serialisation that keeps non-ASCII text readable.</summary>
internal static class JsonNodes
{
    // Output is JSON for API clients, never HTML, so only what JSON itself requires is escaped.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = JsonBody.MaxDepth,
    };

    /// <summary>Parses <paramref name="json"/> as strictly as <see cref="JsonBody"/> does; null with a reason on failure.</summary>
    public static JsonObject? TryParseObject(ReadOnlySpan<byte> json, out string? error)
    {
        error = JsonText.Validate(json);
        if (error is not null)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(json, null, DocumentOptions) is JsonObject root)
            {
                return root;
            }

            error = "is not a JSON object";
            return null;
        }
        catch (JsonException)
        {
            // Cold path: the strict parser tells the failures apart.
            using var lease = JsonBody.TryParseCopy(json, out error);
            error ??= "is not valid JSON";
            return null;
        }
    }

    public static void Write(JsonNode node, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        node.WriteTo(writer);
    }

    /// <summary>Returns the string value of <paramref name="node"/>, or null when it is absent or not a string.</summary>
    public static string? Text(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Returns true when <paramref name="node"/> is absent or JSON null.</summary>
    public static bool IsAbsent(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    /// <summary>Sets <paramref name="parent"/>'s <paramref name="name"/> to <paramref name="text"/>; returns whether it changed.</summary>
    public static bool SetText(JsonObject parent, string name, string text)
    {
        if (string.Equals(Text(parent[name]), text, StringComparison.Ordinal))
        {
            return false;
        }

        parent[name] = text;
        return true;
    }
}
