using System.Buffers;
using System.Text.Json;

namespace Gatehouse.Protocols.Json;

/// <summary>Parses JSON bodies strictly: bounded depth, and no duplicate property names at any depth.</summary>
/// <remarks>
/// Duplicate names are refused because another parser (the upstream's) could keep the other value and so act on
/// something that was never inspected.
/// </remarks>
internal static class JsonBody
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = MaxDepth,
    };

    [ThreadStatic]
    private static long _parses;

    /// <summary>Gets how many bodies and events this thread has parsed, so that tests can hold the data path to one parse each.</summary>
    internal static long ParsesOnThisThread => _parses;

    /// <summary>Parses <paramref name="json"/>, which must stay unchanged while the document lives.</summary>
    /// <returns>The document, or null with <paramref name="error"/> saying why (never quoting the body).</returns>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> json, out string? error)
    {
        _parses++;
        error = JsonText.Validate(json.Span);
        if (error is not null)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException)
        {
            // The parser reports all three failures alike; a second, allocation-free pass tells them apart.
            error = Classify(json.Span);
            return null;
        }
    }

    /// <summary>Parses a copy of <paramref name="json"/> in a pooled array returned when the lease is disposed.</summary>
    public static JsonLease TryParseCopy(ReadOnlySpan<byte> json, out string? error)
    {
        var array = ArrayPool<byte>.Shared.Rent(Math.Max(json.Length, 1));
        json.CopyTo(array);
        var document = TryParse(array.AsMemory(0, json.Length), out error);
        if (document is null)
        {
            ArrayPool<byte>.Shared.Return(array);
            return default;
        }

        return new JsonLease(document, array, json.Length);
    }

    private static string Classify(ReadOnlySpan<byte> json)
    {
        if (IsWellFormed(json, MaxDepth))
        {
            return "has duplicate property names";
        }

        return IsWellFormed(json, 1024) ? $"is nested deeper than {MaxDepth} levels" : "is not valid JSON";
    }

    private static bool IsWellFormed(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
