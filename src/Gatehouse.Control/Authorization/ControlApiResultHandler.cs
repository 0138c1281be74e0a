using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.Authorization;

/// <summary>
/// Answers a refused control-plane API call in the problem+json the gateway gives everywhere: 401 with the identity
/// failure's code and <c>WWW-Authenticate</c>, 403 with the endpoint's <see cref="ForbiddenProblem"/>.
/// </summary>
/// <remarks>
/// Endpoints without <see cref="ForbiddenProblem"/> (the console's pages) keep ASP.NET Core's answer: a challenge that
/// starts the sign-in, a forbid the cookie handler answers with <c>console_forbidden</c>. The 401 reads the failure of
/// the gateway's own authentication, which the authentication handlers keep for the request, so nothing is validated twice.
/// </remarks>
internal sealed class ControlApiResultHandler(IdentityResolver identity) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<ForbiddenProblem>() is not { } forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            var auth = await identity.AuthenticateAsync(context);
            if (!auth.Succeeded)
            {
                await IdentityResolver.WriteProblemAsync(context, auth.Failure);
                return;
            }
        }

        await ProblemWriter.WriteAsync(context.Response,
            new GatehouseProblem(forbidden.Code, forbidden.Title, StatusCodes.Status403Forbidden, forbidden.Detail), context.RequestAborted);
    }
}
