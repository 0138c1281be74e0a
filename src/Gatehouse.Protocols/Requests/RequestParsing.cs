using System.Text.Json;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Requests;

/// <summary>The shared entry of every request parser: strict JSON, an object root, shape errors as results.</summary>
internal static class RequestParsing
{
    public static RequestParseResult Parse(ReadOnlySpan<byte> body, Func<JsonElement, ParsedRequest> read, Func<JsonElement, string>? notAnObject = null)
    {
        using var lease = JsonBody.TryParseCopy(body, out var error);
        return lease.Document is null ? RequestParseResult.Fail($"request body {error}") : Read(lease.Document.RootElement, read, notAnObject);
    }

    /// <summary>Reads a request from a body already parsed (see <see cref="RequestJson"/>).</summary>
    public static RequestParseResult Read(JsonElement root, Func<JsonElement, ParsedRequest> read, Func<JsonElement, string>? notAnObject = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return RequestParseResult.Fail(notAnObject?.Invoke(root) ?? "request body is not a JSON object");
        }

        try
        {
            return RequestParseResult.Ok(read(root));
        }
        catch (RequestShapeException shape)
        {
            return RequestParseResult.Fail($"request body: {shape.Message}");
        }
    }
}
