using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Console;

/// <summary>Maps the console at <c>/console</c>: its pages and assets, or a clear answer when it is not configured.</summary>
internal static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapGatehouseConsole(this IEndpointRouteBuilder endpoints, GatehouseConfig config)
    {
        if (config.Console.Oidc is null)
        {
            // Without this the path would reach the data path as a connection named "console" and fail less clearly.
            endpoints.Map(ConsoleSchemes.PathBase + "/{**rest}", (HttpContext context) => ProblemWriter.WriteAsync(
                context.Response,
                new GatehouseProblem(
                    "console_not_configured",
                    "Console not configured",
                    StatusCodes.Status404NotFound,
                    "The web console is off: set console.oidc (issuer, clientId) in the configuration, or run serve --dev. See docs/configuration.md#console."),
                context.RequestAborted)).AllowAnonymous();
            return endpoints;
        }

        endpoints.MapGet(ConsoleSchemes.PathBase + "/assets/{name}", (HttpContext context, string name) => ConsoleAssets.ServeAsync(context, name)).AllowAnonymous();
        ConsoleCallbacks.Map(endpoints);
        endpoints.MapRazorPages();
        return endpoints;
    }
}
