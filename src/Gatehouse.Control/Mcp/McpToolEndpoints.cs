using System.Data.Common;
using System.Text.Json;
using Gatehouse.Control.Authorization;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Mcp.Pinning;
using Gatehouse.Gateway.Problems;
using Gatehouse.Gateway.Routing;
using Gatehouse.Storage;
using Gatehouse.Storage.Mcp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Mcp;

/// <summary>
/// The admin API of pinned MCP tool definitions: <c>GET /api/mcp/tools/{connection}</c> lists a connection's tools
/// (accepted and pending definitions, masked), <c>POST /api/mcp/tools/{connection}/accept</c> accepts pending ones.
/// </summary>
/// <remarks>Admins only (<see cref="ControlPolicies.Admin"/>); every error is problem+json with a stable code.</remarks>
internal static class McpToolEndpoints
{
    private static readonly ForbiddenProblem Forbidden = new("mcp_tools_forbidden", "MCP tools", "Only the gateway's admins (roles.admin) may see and accept MCP tool definitions.");

    public static IEndpointRouteBuilder MapMcpTools(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/mcp/tools/{connection}", ListAsync)
            .RequireRole(ControlPolicies.Admin, Forbidden)
            .WithTags("MCP")
            .WithName("ListMcpTools")
            .WithSummary("Lists an MCP connection's pinned tools: the accepted definition and any pending one (new or changed), masked. ?tool= selects one.")
            .Produces<McpToolView[]>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPost("/api/mcp/tools/{connection}/accept", AcceptAsync)
            .RequireRole(ControlPolicies.Admin, Forbidden)
            .WithTags("MCP")
            .WithName("AcceptMcpTools")
            .WithSummary("Accepts the pending definition of a tool (body {\"tool\", \"hash\"}; every pending tool without \"tool\"); the tool is listed and callable again.")
            .Accepts<McpToolAcceptInput>("application/json")
            .Produces<McpToolView[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task ListAsync(HttpContext context, string connection, ConnectionCatalog connections, IMcpToolPinStore store)
    {
        if (await AdmitAsync(context, connection, connections) is not { } admitted)
        {
            return;
        }

        connection = admitted.Connection;

        var tool = context.Request.Query["tool"].ToString();
        var pins = await StoreAsync(context, () => store.ListAsync(connection, context.RequestAborted));
        if (pins is null)
        {
            return;
        }

        var views = pins.Where(p => tool.Length == 0 || p.Tool == tool).Select(McpToolView.Of).ToArray();
        if (tool.Length > 0 && views.Length == 0)
        {
            await Problem(context, StatusCodes.Status404NotFound, "mcp_tool_unknown", $"The connection '{connection}' has no pinned tool named '{tool}'. List its tools with: gatehouse mcp tools list --connection {connection}");
            return;
        }

        await WriteAsync(context, views);
    }

    private static async Task AcceptAsync(HttpContext context, string connection, ConnectionCatalog connections, McpToolPins pins)
    {
        if (await AdmitAsync(context, connection, connections) is not { } admitted)
        {
            return;
        }

        var (caller, name) = admitted;

        McpToolAcceptInput? input;
        try
        {
            input = context.Request.ContentLength == 0 ? new McpToolAcceptInput(null, null)
                : await JsonSerializer.DeserializeAsync(context.Request.Body, McpPinJsonContext.Default.McpToolAcceptInput, context.RequestAborted);
        }
        catch (JsonException)
        {
            input = null;
        }

        if (input is null)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_request_body", "The body must be a JSON object: {\"tool\": \"name\", \"hash\": \"sha-256 hex\"}, both optional.");
            return;
        }

        var accepted = await StoreAsync(context, () => pins.AcceptAsync(name, input.Tool, input.Hash, caller.Subject, caller.VerifiedEmail, context.RequestAborted));
        if (accepted is null)
        {
            return;
        }

        if (accepted.Count == 0)
        {
            var which = input.Tool is null ? "no tool of the connection has a pending definition" : $"the tool '{input.Tool}' has no pending definition";
            var hash = input.Hash is null ? "" : $" {input.Hash} (it may have changed again since your review: run diff once more)";
            await Problem(context, StatusCodes.Status409Conflict, "mcp_tool_nothing_pending",
                $"Nothing was accepted on '{name}': {which}{hash}. See gatehouse mcp tools list --connection {name}.");
            return;
        }

        var now = await StoreAsync(context, () => pins.ListAsync(name, context.RequestAborted));
        if (now is not null)
        {
            var names = accepted.Select(a => a.Tool).ToHashSet(StringComparer.Ordinal);
            await WriteAsync(context, now.Where(p => names.Contains(p.Tool)).Select(McpToolView.Of).ToArray());
        }
    }

    // Returns the caller and the connection's name as configured (routing matches names without regard to case; pins are
    // kept under the configured name).
    private static async Task<(GatehouseIdentity Caller, string Connection)?> AdmitAsync(HttpContext context, string connection, ConnectionCatalog connections)
    {
        var caller = ControlCaller.Of(context);
        if (connections.Find(connection) is not { Config.Kind: "mcp" } routed)
        {
            await Problem(context, StatusCodes.Status404NotFound, "unknown_connection", $"There is no MCP connection named '{connection}'. Tool definitions are pinned for connections of kind mcp.");
            return null;
        }

        return (caller, routed.Config.Name);
    }

    private static async Task<T?> StoreAsync<T>(HttpContext context, Func<Task<T>> work)
        where T : class
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is StoreUnavailableException or DbException)
        {
            await Problem(context, StatusCodes.Status503ServiceUnavailable, "store_unavailable", "The gateway's store cannot be reached right now; try again shortly.");
            return null;
        }
    }

    private static Task WriteAsync(HttpContext context, McpToolView[] views)
    {
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(views, McpPinJsonContext.Default.McpToolViewArray, cancellationToken: context.RequestAborted);
    }

    private static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "MCP tools", status, detail), context.RequestAborted);
}
