using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols;

/// <summary>What one API's folder contributes to its adapter; each API's folder declares one.</summary>
/// <param name="Api">The API.</param>
/// <param name="ConnectionKind">The connection kind that serves it (<c>openai</c>, <c>anthropic</c>).</param>
/// <param name="Routes">The normalised paths it is served at; a segment in braces (<c>{engine}</c>) matches any one segment.</param>
/// <param name="Read">Reads its request from a parsed JSON object (shape errors thrown as <c>RequestShapeException</c>).</param>
/// <param name="CreateStreamReader">Creates the reader of one of its streams.</param>
/// <param name="BodyReader">Its whole-body reader.</param>
/// <param name="Rewriting">How its streams and bodies are masked.</param>
/// <param name="CreateRefusal">Creates the writer of a refusal in its shape, for one response.</param>
/// <param name="AnyPath">Whether it is served at every path of its connections (MCP's one endpoint), rather than at <paramref name="Routes"/>.</param>
/// <param name="NotAnObject">The error for a body that is JSON but not an object, when the API has a reason to say more.</param>
internal sealed record ProtocolParts(
    ApiKind Api,
    string ConnectionKind,
    IReadOnlyList<string> Routes,
    Func<System.Text.Json.JsonElement, ParsedRequest> Read,
    Func<JsonEventReader> CreateStreamReader,
    IResponseBodyReader BodyReader,
    ResponseRewriting Rewriting,
    Func<RefusalWriter> CreateRefusal,
    bool AnyPath = false,
    Func<System.Text.Json.JsonElement, string>? NotAnObject = null);
