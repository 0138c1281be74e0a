using System.Text.Json;
using static Gatehouse.Protocols.Requests.RequestFields;

namespace Gatehouse.Protocols.Requests;

/// <summary>Flattens OpenAI content (a string, or an array of typed parts) into a message's text.</summary>
internal static class ContentParts
{
    /// <summary>Adds the text of the <c>name</c> field of <c>item</c>; <c>textField</c> names the field holding a
    /// part's text for the part's type, or returns null to skip the part (images, files, audio).</summary>
    public static void Add(JsonElement item, string name, string path, TextJoiner text, Func<string?, string?> textField)
    {
        if (!item.TryGetProperty(name, out var content) || content.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            text.Add(content.GetString());
            return;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(path, name, "a string or an array");
        }

        var position = 0;
        foreach (var part in content.EnumerateArray())
        {
            var partPath = $"{path}.{name}[{position++}]";
            Object(part, partPath);
            if (textField(OptionalString(part, "type", partPath)) is { } field)
            {
                text.Add(RequiredString(part, field, partPath));
            }
        }
    }
}
