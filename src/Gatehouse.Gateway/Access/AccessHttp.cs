using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Access;

/// <summary>What the access endpoints share: problem answers, JSON bodies in and out.</summary>
internal static class AccessHttp
{
    public static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "Access request", status, detail), context.RequestAborted);

    /// <summary>Reads an optional JSON body; on malformed JSON writes a 400 problem and returns false.</summary>
    public static async Task<(bool Ok, T? Value)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, string example)
        where T : class
    {
        if (context.Request.ContentLength is 0 || (context.Request.ContentLength is null && !context.Request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return (true, null);
        }

        try
        {
            return (true, await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted));
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
