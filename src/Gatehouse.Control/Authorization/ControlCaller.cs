using System.Security.Claims;
using Gatehouse.Control.Console;
using Gatehouse.Gateway.Identity;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.Authorization;

/// <summary>The caller an authorized control-plane request carries, whichever door it came through.</summary>
internal static class ControlCaller
{
    /// <summary>
    /// Returns the caller of <paramref name="user"/>: the gateway's identity (bearer token or API key), or the person
    /// of a console session as a bearer token of the same issuer would show them; null when neither authenticated.
    /// </summary>
    public static GatehouseIdentity? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var identity in user.Identities)
        {
            if (identity is GatehouseClaimsIdentity gateway)
            {
                return gateway.Caller;
            }

            if (identity.IsAuthenticated && identity.AuthenticationType == ConsoleSchemes.Cookie)
            {
                return ConsoleUser.From(user).Identity;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the caller of a request that passed an endpoint's policy. Throws when there is none: the endpoint was
    /// mapped without the policy that guarantees one, a bug.
    /// </summary>
    public static GatehouseIdentity Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.User) ?? throw new InvalidOperationException("A control-plane endpoint ran without an authenticated caller: its authorization policy is missing.");
    }
}
