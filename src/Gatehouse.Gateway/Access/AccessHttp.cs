using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Gateway.Access;

/// <summary>What the access endpoints share: problem answers, JSON bodies in and out.</summary>
internal static class AccessHttp
{
    public static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "Access request", status, detail), context.RequestAborted);

    /// <summary>The largest body the access API reads: a connection, a duration and a reason fit well within it.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Reads an optional JSON body (absent or empty reads as null); otherwise writes a 400 or 413 problem and returns false.</summary>
    public static async Task<(bool Ok, T? Value)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, string example)
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
            await Problem(context, StatusCodes.Status413PayloadTooLarge, "request_too_large", $"The body must be at most {MaxBodyBytes} bytes.");
            return (false, null);
        }

        try
        {
            return (true, length == 0 ? null : JsonSerializer.Deserialize(buffer.AsSpan(0, length), type));
        }
        catch (JsonException)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_body", $"The body must be JSON such as {example}.");
            return (false, null);
        }
    }

    public static Task WriteAsync(HttpContext context, GrantView view, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(view, AccessJsonContext.Default.GrantView, cancellationToken: context.RequestAborted);
    }
}
