using System.Text.Json;

namespace Gatehouse.Protocols.Json;

/// <summary>
/// A request body parsed once, strictly, over the very bytes that are forwarded: the adapter reads the request from it
/// and request masking walks its strings, so neither parses nor copies the body again.
/// </summary>
/// <remarks>
/// The document reads from <see cref="Body"/> in place, so the bytes must not change while it lives; the data path
/// owns the body it read and never writes to it. Disposing returns the document's pooled index.
/// </remarks>
public sealed class RequestJson : IDisposable
{
    private readonly JsonDocument _document;

    private RequestJson(ReadOnlyMemory<byte> body, JsonDocument document)
    {
        Body = body;
        _document = document;
    }

    /// <summary>Gets the bytes the document reads from.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the document's root element.</summary>
    public JsonElement Root => _document.RootElement;

    /// <summary>
    /// Parses <paramref name="body"/> as strictly as every request is parsed (valid UTF-8, no unpaired surrogate escape,
    /// no duplicate property names, at most 64 levels deep).
    /// </summary>
    /// <returns>The parsed body, or null with <paramref name="error"/> saying why, such as <c>is not valid JSON</c>
    /// (never quoting the body).</returns>
    public static RequestJson? TryParse(ReadOnlyMemory<byte> body, out string? error)
    {
        var document = JsonBody.TryParse(body, out error);
        return document is null ? null : new RequestJson(body, document);
    }

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();
}
