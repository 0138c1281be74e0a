using System.Text.Json.Serialization.Metadata;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.Reviews;

/// <summary>What the access endpoints share: problem answers, JSON bodies in and out.</summary>
internal static class AccessHttp
{
    public static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "Access request", status, detail), context.RequestAborted);

    /// <summary>Reads an optional JSON body (absent or empty reads as null); otherwise writes a 400 or 413 problem and returns false.</summary>
    public static Task<(bool Ok, T? Value)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, string example)
        where T : class
        => JsonBodies.ReadAsync(context, type, example, (status, code, detail) => Problem(context, status, code, detail));

    public static Task WriteAsync(HttpContext context, GrantView view, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(view, ReviewApiJsonContext.Default.GrantView, cancellationToken: context.RequestAborted);
    }
}
