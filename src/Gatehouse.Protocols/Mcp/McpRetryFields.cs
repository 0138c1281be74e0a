using System.Buffers;
using System.Text.Json;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// The fields of a stateless-revision retry (MCP 2026-07-28, "Multi Round-Trip Requests"): the <c>requestState</c> and
/// <c>inputResponses</c> a client sends back with the original request after an <c>input_required</c> result, and the
/// URL-mode elicitation capability that lets the gateway send one.
/// </summary>
public static class McpRetryFields
{
    /// <summary>The <c>params</c> member that echoes the request state.</summary>
    public const string RequestState = "requestState";

    /// <summary>The <c>params</c> member that carries the answers to the input requests.</summary>
    public const string InputResponses = "inputResponses";

    /// <summary>The <c>_meta</c> key of the client's capabilities for one request.</summary>
    public const string CapabilitiesKey = "io.modelcontextprotocol/clientCapabilities";

    /// <summary>Returns whether <paramref name="meta"/> (a request's <c>params._meta</c>) declares <c>elicitation.url</c>.</summary>
    public static bool ElicitsUrl(JsonElement meta)
        => meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty(CapabilitiesKey, out var capabilities) && capabilities.ValueKind == JsonValueKind.Object
            && capabilities.TryGetProperty("elicitation", out var elicitation) && elicitation.ValueKind == JsonValueKind.Object
            && elicitation.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.Object;

    /// <summary>
    /// Returns <paramref name="body"/> (one JSON-RPC request) without <c>params.requestState</c> and
    /// <c>params.inputResponses</c>: what the gateway answered itself is not the server's to see, and a server must reject
    /// request state it did not issue.
    /// </summary>
    public static byte[] Strip(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var output = new ArrayBufferWriter<byte>(body.Length);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.NameEquals("params") && member.Value.ValueKind == JsonValueKind.Object)
                {
                    writer.WriteStartObject(member.Name);
                    foreach (var parameter in member.Value.EnumerateObject())
                    {
                        if (!parameter.NameEquals(RequestState) && !parameter.NameEquals(InputResponses))
                        {
                            parameter.WriteTo(writer);
                        }
                    }

                    writer.WriteEndObject();
                }
                else
                {
                    member.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }
}
