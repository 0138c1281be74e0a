using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.Console;

/// <summary>
/// The console's OpenID Connect callbacks (sign-in, signed-out, front-channel sign-out) as endpoints under
/// <c>/console</c>, each handing the request to the console's handler.
/// </summary>
/// <remarks>
/// ASP.NET Core's authentication middleware would ask the handler on every request instead; <see cref="ConsoleRequestSchemes"/>
/// leaves it out of that loop, so only these paths build it.
/// </remarks>
internal static class ConsoleCallbacks
{
    /// <summary>The path the issuer returns the sign-in to (<c>redirect_uri</c>).</summary>
    public const string SignIn = ConsoleSchemes.PathBase + "/signin-oidc";

    /// <summary>The path the issuer returns to after signing the person out.</summary>
    public const string SignedOut = ConsoleSchemes.PathBase + "/signout-callback-oidc";

    /// <summary>The path the issuer calls to sign the person out of the console (front-channel sign-out).</summary>
    public const string RemoteSignOut = ConsoleSchemes.PathBase + "/signout-oidc";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var path in new[] { SignIn, SignedOut, RemoteSignOut })
        {
            endpoints.Map(path, HandleAsync).AllowAnonymous();
        }
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        if (await handlers.GetHandlerAsync(context, ConsoleSchemes.Oidc) is IAuthenticationRequestHandler handler && await handler.HandleRequestAsync())
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
