using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Problems;

/// <summary>Writes a <see cref="GatehouseProblem"/> as an <c>application/problem+json</c> response.</summary>
internal static class ProblemWriter
{
    /// <summary>The media type of problem details (RFC 9457).</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>Sets the status and content type, and writes the problem as the response body.</summary>
    /// <remarks>The response must not have started; the caller checks <see cref="HttpResponse.HasStarted"/>.</remarks>
    public static async Task WriteAsync(HttpResponse response, GatehouseProblem problem, CancellationToken cancellationToken)
    {
        response.StatusCode = problem.Status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        var body = Serialize(problem);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Serializes the problem's members: type, title, status, detail and code.</summary>
    public static byte[] Serialize(GatehouseProblem problem)
    {
        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", problem.Type);
            json.WriteString("title", problem.Title);
            json.WriteNumber("status", problem.Status);
            json.WriteString("detail", problem.Detail);
            json.WriteString("code", problem.Code);
            if (problem.ExchangeId is not null)
            {
                json.WriteString("exchange_id", problem.ExchangeId);
            }

            problem.Members?.Invoke(json);

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
