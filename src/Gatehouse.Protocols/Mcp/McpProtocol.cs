using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// MCP over Streamable HTTP (a connection of kind <c>mcp</c>): every POST to the connection is one JSON-RPC message at
/// the server's one endpoint, whatever the path; its parts, registered in <see cref="ProtocolRegistry"/>.
/// </summary>
internal static class McpProtocol
{
    public static readonly ProtocolParts Parts = new(
        ApiKind.Mcp,
        "mcp",
        [],
        McpRequestReader.Read,
        () => new McpEventReader(),
        McpBodyReader.Instance,
        new ResponseRewriting(r => new McpStreamRewriter(r), McpRewrite.Message),
        () => new McpRefusal(),
        AnyPath: true,
        NotAnObject: McpRequestReader.NotAnObject);
}
