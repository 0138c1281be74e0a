using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Identity;

/// <summary>Identifies the caller of a request, the first stage of every exchange.</summary>
internal sealed class IdentityResolver(ILogger<IdentityResolver> logger)
{
    /// <summary>Authenticates the request through the selector scheme; on success also sets <see cref="HttpContext.User"/>.</summary>
    public async Task<IdentityResult> AuthenticateAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(GatehouseAuthenticationSchemes.Selector).ConfigureAwait(false);
        if (result.Succeeded && result.Principal.Identity is GatehouseClaimsIdentity identity)
        {
            context.User = result.Principal;
            IdentityLog.Identified(logger, identity.Caller.Subject, identity.Caller.Method);
            return IdentityResult.Success(identity.Caller);
        }

        var failure = IdentityChallenge.FromException(result.Failure);
        IdentityLog.Refused(logger, failure.Code.ToName());
        return IdentityResult.Fail(failure);
    }

    /// <summary>Writes the failure as an <c>application/problem+json</c> response with a <c>WWW-Authenticate</c> header.</summary>
    public static Task WriteProblemAsync(HttpContext context, IdentityFailure failure, string? resourceMetadata = null)
        => IdentityChallenge.WriteAsync(context, failure, resourceMetadata);
}
