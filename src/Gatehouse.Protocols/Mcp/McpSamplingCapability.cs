using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// Server-initiated sampling as a client declares it: the <c>sampling</c> client capability, in <c>initialize</c>'s
/// <c>params.capabilities</c> (the session-based revisions, "Lifecycle", "Capability Negotiation") or in each request's
/// <c>params._meta["io.modelcontextprotocol/clientCapabilities"]</c> (2026-07-28, "Overview", per-request protocol
/// fields; "Sampling", "Capabilities"), and its removal before a server that may not sample sees it.
/// </summary>
public static class McpSamplingCapability
{
    /// <summary>The method a server asks the client's model with.</summary>
    public const string CreateMessage = "sampling/createMessage";

    private const string Capability = "sampling";

    /// <summary>Returns whether a request's <paramref name="parameters"/> declare the <c>sampling</c> capability.</summary>
    internal static bool Declared(string method, JsonElement? parameters, JsonElement? meta)
        => (method == "initialize" && parameters is { } p && Has(p, "capabilities", out _))
            || (meta is { } m && Has(m, McpRetryFields.CapabilitiesKey, out _));

    /// <summary>
    /// Returns <paramref name="body"/> (one JSON-RPC request) with the <c>sampling</c> member taken out of its declared
    /// client capabilities, every other byte as written.
    /// </summary>
    public static byte[] Remove(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var edits = new JsonEdits();
        edits.Reset(body);
        if (document.RootElement.TryGetProperty("params"u8, out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            if (Has(parameters, "capabilities", out var capabilities))
            {
                edits.SetLiteral(capabilities, Without(capabilities));
            }

            if (parameters.TryGetProperty("_meta"u8, out var meta) && meta.ValueKind == JsonValueKind.Object && Has(meta, McpRetryFields.CapabilitiesKey, out var declared))
            {
                edits.SetLiteral(declared, Without(declared));
            }
        }

        return edits.Apply().ToArray();
    }

    private static bool Has(JsonElement parent, string name, out JsonElement capabilities)
        => parent.TryGetProperty(name, out capabilities) && capabilities.ValueKind == JsonValueKind.Object
            && capabilities.TryGetProperty(Capability, out _);

    private static byte[] Without(JsonElement capabilities)
    {
        var output = new ArrayBufferWriter<byte>(capabilities.GetRawText().Length);
        output.Write("{"u8);
        var first = true;
        foreach (var member in capabilities.EnumerateObject())
        {
            if (member.NameEquals(Capability))
            {
                continue;
            }

            if (!first)
            {
                output.Write(","u8);
            }

            first = false;
            output.Write("\""u8);
            output.Write(JsonMarshal.GetRawUtf8PropertyName(member));
            output.Write("\":"u8);
            output.Write(JsonMarshal.GetRawUtf8Value(member.Value));
        }

        output.Write("}"u8);
        return output.WrittenSpan.ToArray();
    }
}
