using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Problems;
using Gatehouse.Gateway.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Mcp;

/// <summary>
/// Serves RFC 9728 protected resource metadata for each <c>mcp</c> connection, unauthenticated as discovery requires:
/// <c>/.well-known/oauth-protected-resource/{connection}</c>, and below it the path form MCP clients build from their
/// endpoint URL (<c>.../{connection}/mcp</c> for <c>/{connection}/mcp</c>).
/// </summary>
/// <remarks>
/// The document names the resource, the trusted OIDC issuers as its authorization servers, and header bearer tokens.
/// Only <c>mcp</c> connections are described; any other name is 404, as unknown connections are.
/// </remarks>
internal static class McpResourceMetadataEndpoint
{
    public static IEndpointRouteBuilder MapMcpResourceMetadata(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(McpResources.WellKnown + "/{connection}/{**path}", WriteAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext context, string connection, string? path)
    {
        var config = context.RequestServices.GetRequiredService<GatehouseConfig>();
        var routed = context.RequestServices.GetRequiredService<ConnectionCatalog>().Find(connection);
        if (routed is null || routed.Config.Kind != "mcp")
        {
            await ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(ExchangeFailureCode.UnknownConnection.ToName(), "Unknown connection", StatusCodes.Status404NotFound,
                $"There is no MCP connection named '{connection}'. Protected resource metadata is served for connections of kind mcp."), context.RequestAborted);
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("resource", McpResources.Resource(config.Server, routed.Config, path));
        writer.WriteStartArray("authorization_servers");
        foreach (var issuer in config.Identity.Oidc)
        {
            writer.WriteStringValue(issuer.Issuer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("bearer_methods_supported");
        writer.WriteStringValue("header");
        writer.WriteEndArray();
        writer.WriteString("resource_name", routed.Config.Name);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
