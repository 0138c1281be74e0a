using Microsoft.AspNetCore.Http;

namespace Gatehouse.Export.Tests.Transports;

/// <summary>A request as a loopback receiver saw it.</summary>
internal sealed record RecordedRequest(string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static async Task<RecordedRequest> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(context.Request.Path, context.Request.ContentType, headers, buffer.ToArray());
    }
}
