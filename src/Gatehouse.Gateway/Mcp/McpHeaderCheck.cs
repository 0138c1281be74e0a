using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Protocols.Mcp;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Mcp;

/// <summary>
/// Checks the headers an MCP POST mirrors its body into against the body the gateway read: the protocol version, and
/// (2026-07-28 and later) the method and the name of what it calls.
/// </summary>
/// <remarks>
/// <para>The 2026-07-28 Streamable HTTP transport has intermediaries route and decide on <c>Mcp-Method</c>/<c>Mcp-Name</c>
/// without reading the body, and requires any server that reads the body to refuse a request whose headers disagree with
/// it (400): otherwise a component that trusts the header and one that trusts the body act on different calls. The
/// gateway decides on the body, so a mismatch is refused whatever the revision: <c>mcp_header_mismatch</c>.</para>
/// <para>Each refusal is a problem whose body is also the JSON-RPC error the specification asks for: <c>-32020</c>
/// (<c>HeaderMismatch</c>) or <c>-32022</c> (<c>UnsupportedProtocolVersion</c>), for the request's id.</para>
/// <para><c>MCP-Protocol-Version</c> must be a supported revision (<see cref="McpVersions"/>); without it the request is
/// read as 2025-03-26, as the transports since 2025-06-18 allow, unless its body carries a version in <c>_meta</c>, which
/// only the stateless revisions do and which makes the header required and equal. From 2026-07-28 on, <c>Mcp-Method</c>
/// is required on requests, and <c>Mcp-Name</c> on <c>tools/call</c>, <c>resources/read</c> and <c>prompts/get</c>. A
/// name outside plain ASCII arrives Base64-encoded between <c>=?base64?</c> and <c>?=</c> and is decoded first.</para>
/// </remarks>
internal static class McpHeaderCheck
{
    public const string ProtocolVersionHeader = "MCP-Protocol-Version";
    public const string MethodHeader = "Mcp-Method";
    public const string NameHeader = "Mcp-Name";

    public static Refusal? Check(IHeaderDictionary headers, McpMessage message)
    {
        var header = Single(headers, ProtocolVersionHeader);
        if (header is not null && !McpVersions.IsSupported(header))
        {
            // 2026-07-28 "Versioning", "Protocol Version Negotiation": UnsupportedProtocolVersionError listing the
            // supported versions and the requested one; Streamable HTTP, "Protocol Version Header": with 400.
            var requested = Printable(header);
            return new Refusal(StatusCodes.Status400BadRequest, ExchangeFailureCode.McpUnsupportedProtocolVersion, "Unsupported MCP protocol version",
                $"The MCP-Protocol-Version header names '{requested}', which the gateway does not support. Supported versions: {string.Join(", ", McpVersions.Supported)}.")
            {
                Members = w => McpErrorCodes.WriteErrorMembers(w, message.Id, McpErrorCodes.UnsupportedProtocolVersion, "Unsupported protocol version", data =>
                {
                    data.WriteStartArray("supported");
                    foreach (var version in McpVersions.Supported)
                    {
                        data.WriteStringValue(version);
                    }

                    data.WriteEndArray();
                    data.WriteString("requested", requested);
                }),
            };
        }

        // 2026-07-28 Streamable HTTP, "Server Validation": a missing required header or one that does not match the body
        // is answered 400 with a JSON-RPC error, code -32020 (HeaderMismatch).
        return Headers(headers, message, header) is { } mismatch
            ? mismatch with { Members = w => McpErrorCodes.WriteErrorMembers(w, message.Id, McpErrorCodes.HeaderMismatch, mismatch.Detail, null) }
            : null;
    }

    private static Refusal? Headers(IHeaderDictionary headers, McpMessage message, string? header)
    {
        if (message.ProtocolVersion is { } bodyVersion && header != bodyVersion)
        {
            return Mismatch(header is null
                ? $"the body's _meta names protocol version '{Printable(bodyVersion)}' and the MCP-Protocol-Version header is missing; send the header with the same version"
                : $"the MCP-Protocol-Version header '{Printable(header)}' does not match the body's _meta version '{Printable(bodyVersion)}'");
        }

        var required = message.Kind == McpMessageKind.Request && McpVersions.RequiresHeaders(header ?? McpVersions.Default);
        return Compare(Single(headers, MethodHeader), message.Method, MethodHeader, "method", required)
            ?? Compare(Decode(Single(headers, NameHeader)), message.Name, NameHeader, NameSource(message.Method), required && message.Name is not null);
    }

    private static Refusal? Compare(string? header, string? body, string name, string source, bool required)
    {
        if (header is null)
        {
            return required ? Mismatch($"the {name} header is required by this protocol version and must equal the body's {source}") : null;
        }

        if (body is null)
        {
            return Mismatch($"the {name} header is set but the body has no {source}");
        }

        // Header values are case-sensitive (the transport's "Case Sensitivity" section).
        return string.Equals(header, body, StringComparison.Ordinal)
            ? null
            : Mismatch($"the {name} header does not match the body's {source}");
    }

    private static string NameSource(string? method) => method switch
    {
        McpMessage.ResourcesRead => "params.uri",
        _ => "params.name",
    };

    private static Refusal Mismatch(string why) => new(StatusCodes.Status400BadRequest, ExchangeFailureCode.McpHeaderMismatch, "MCP headers do not match the body",
        $"The request was refused: {why}. Send headers that mirror the JSON-RPC body exactly (MCP Streamable HTTP, 'Request Metadata').");

    private static string? Single(IHeaderDictionary headers, string name)
        => headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    // "=?base64?{value}?=" carries a name that is not plain ASCII; one that does not decode stays as written and so mismatches.
    private static string? Decode(string? header)
    {
        const string Prefix = "=?base64?";
        const string Suffix = "?=";
        if (header is null || header.Length < Prefix.Length + Suffix.Length
            || !header.StartsWith(Prefix, StringComparison.Ordinal) || !header.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return header;
        }

        var encoded = header[Prefix.Length..^Suffix.Length];
        var bytes = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, bytes, out var length) ? new UTF8Encoding(false, true).GetString(bytes, 0, length) : header;
    }

    // Versions are quoted back to the caller bounded and printable; names never are (a name is the caller's data).
    private static string Printable(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, 80));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 80)))
        {
            text.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return value.Length > 80 ? text.Append('…').ToString() : text.ToString();
    }
}
