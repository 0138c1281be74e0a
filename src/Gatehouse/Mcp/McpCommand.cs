using System.CommandLine;
using Gatehouse.Cli;

namespace Gatehouse.Mcp;

/// <summary>
/// <c>gatehouse mcp tools list|diff|accept --connection C [--tool T]</c>: the pinned tool definitions of an MCP
/// connection, through a running gateway's <c>/api/mcp/tools</c> (admins).
/// </summary>
internal static class McpCommand
{
    public static Command Create()
    {
        var mcp = new Command("mcp", "MCP connections: pinned tool definitions.");
        var tools = new Command("tools",
            "Pinned tool definitions (a 'rug pull' guard): after a connection's first tools/list, a tool whose definition changes, "
            + "or a new tool, is hidden and its calls refused until an admin accepts it. Review with 'diff', then 'accept'.");
        tools.Subcommands.Add(ListCommand());
        tools.Subcommands.Add(DiffCommand());
        tools.Subcommands.Add(AcceptCommand());
        mcp.Subcommands.Add(tools);
        return mcp;
    }

    private static Command ListCommand()
    {
        var (api, connection, tool) = (new GatewayApi(), Connection(), Tool("Show only this tool."));
        var command = api.With(new Command("list",
            "List a connection's pinned tools: state (accepted, changed, new), who accepted them and the definitions' hashes.\n" + GatewayApi.Codes) { connection, tool });
        command.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Get, Path(parse, connection, tool), null, McpToolText.Describe, ct));
        return command;
    }

    private static Command DiffCommand()
    {
        var (api, connection, tool) = (new GatewayApi(), Connection(), Tool("Show only this tool."));
        var command = api.With(new Command("diff",
            "Show each pending definition against the accepted one as a unified diff (masked, as the gateway stores them), with the hash to accept.\n" + GatewayApi.Codes)
        {
            connection, tool,
        });
        command.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Get, Path(parse, connection, tool), null, McpToolText.Diff, ct));
        return command;
    }

    private static Command AcceptCommand()
    {
        var (api, connection, tool) = (new GatewayApi(), Connection(), Tool("The tool to accept. Without it, every pending tool of the connection is accepted."));
        var hash = new Option<string?>("--hash")
        {
            Description = "Accept only if this is the pending definition (the hash 'diff' printed), so a definition that changed again after your review is not accepted.",
            HelpName = "SHA256",
        };
        var command = api.With(new Command("accept",
            "Accept pending tool definitions: the tools are listed and callable again. Audited as mcp.tool.accepted with who accepted.\n" + GatewayApi.Codes)
        {
            connection, tool, hash,
        });
        command.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Post, $"api/mcp/tools/{Uri.EscapeDataString(parse.GetValue(connection)!)}/accept",
            new Dictionary<string, string?> { ["tool"] = parse.GetValue(tool), ["hash"] = parse.GetValue(hash) }, McpToolText.Accepted, ct));
        return command;
    }

    private static string Path(ParseResult parse, Option<string> connection, Option<string?> tool)
        => $"api/mcp/tools/{Uri.EscapeDataString(parse.GetValue(connection)!)}" + (parse.GetValue(tool) is { } t ? "?tool=" + Uri.EscapeDataString(t) : "");

    private static Option<string> Connection() => new("--connection", "-c") { Description = "The MCP connection (its name in the configuration).", Required = true, HelpName = "NAME" };

    private static Option<string?> Tool(string description) => new("--tool", "-t") { Description = description, HelpName = "TOOL" };
}
