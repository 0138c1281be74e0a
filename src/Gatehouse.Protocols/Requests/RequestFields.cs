using System.Text.Json;

namespace Gatehouse.Protocols.Requests;

/// <summary>Strict accessors for request JSON: a field of the wrong type is refused, not ignored.</summary>
internal static class RequestFields
{
    public static JsonElement? Optional(JsonElement obj, string name, string path, JsonValueKind kind, string expected)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw Wrong(path, name, expected);
    }

    public static string? OptionalString(JsonElement obj, string name, string path)
        => Optional(obj, name, path, JsonValueKind.String, "a string")?.GetString();

    public static string RequiredString(JsonElement obj, string name, string path)
        => OptionalString(obj, name, path) ?? throw Missing(path, name);

    public static JsonElement RequiredArray(JsonElement obj, string name, string path)
        => Optional(obj, name, path, JsonValueKind.Array, "an array") ?? throw Missing(path, name);

    public static JsonElement.ArrayEnumerator OptionalArray(JsonElement obj, string name, string path)
        => Optional(obj, name, path, JsonValueKind.Array, "an array")?.EnumerateArray() ?? default;

    public static JsonElement? OptionalObject(JsonElement obj, string name, string path)
        => Optional(obj, name, path, JsonValueKind.Object, "an object");

    public static bool OptionalBool(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(path, name, "a boolean"),
        };
    }

    public static JsonElement Object(JsonElement element, string path)
        => element.ValueKind == JsonValueKind.Object ? element : throw new RequestShapeException($"'{path}' must be an object");

    public static RequestShapeException Wrong(string path, string name, string expected)
        => new($"'{Join(path, name)}' must be {expected}");

    public static RequestShapeException Missing(string path, string name) => new($"'{Join(path, name)}' is required");

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
