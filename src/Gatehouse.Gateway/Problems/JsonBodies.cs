using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Gateway.Problems;

/// <summary>Reads the small, optional JSON bodies of the admin APIs, whether sent with a length or chunked.</summary>
internal static class JsonBodies
{
    /// <summary>The largest body the admin APIs read: a justification or an access request fits well within it.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>
    /// Reads an optional JSON body (absent or empty reads as null); otherwise writes a 400 or 413 problem through
    /// <paramref name="problem"/> and returns false.
    /// </summary>
    public static async Task<(bool Ok, T? Value)> ReadAsync<T>(
        HttpContext context, JsonTypeInfo<T> type, string example, Func<int, string, string, Task> problem)
        where T : class
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return (true, null);
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            await problem(StatusCodes.Status413PayloadTooLarge, "request_too_large", $"The body must be at most {MaxBodyBytes} bytes.");
            return (false, null);
        }

        try
        {
            return (true, length == 0 ? null : JsonSerializer.Deserialize(buffer.AsSpan(0, length), type));
        }
        catch (JsonException)
        {
            await problem(StatusCodes.Status400BadRequest, "invalid_body", $"The body must be JSON such as {example}.");
            return (false, null);
        }
    }
}
