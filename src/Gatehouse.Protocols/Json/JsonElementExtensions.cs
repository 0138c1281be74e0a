using System.Text.Json;

namespace Gatehouse.Protocols.Json;

/// <summary>Lenient accessors for response JSON: a missing or wrongly typed property reads as absent.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Property(this JsonElement element, ReadOnlySpan<byte> name, JsonValueKind kind)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : null;

    public static string? String(this JsonElement element, ReadOnlySpan<byte> name)
        => element.Property(name, JsonValueKind.String)?.GetString();

    public static JsonElement? Object(this JsonElement element, ReadOnlySpan<byte> name)
        => element.Property(name, JsonValueKind.Object);

    public static JsonElement.ArrayEnumerator Array(this JsonElement element, ReadOnlySpan<byte> name)
        => element.Property(name, JsonValueKind.Array)?.EnumerateArray() ?? default;

    public static long? Long(this JsonElement element, ReadOnlySpan<byte> name)
        => element.Property(name, JsonValueKind.Number) is { } number && number.TryGetInt64(out var value) ? value : null;

    public static int Int(this JsonElement element, ReadOnlySpan<byte> name, int fallback = 0)
        => element.Property(name, JsonValueKind.Number) is { } number && number.TryGetInt32(out var value) ? value : fallback;
}
