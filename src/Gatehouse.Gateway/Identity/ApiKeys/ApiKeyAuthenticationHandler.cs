using System.Security.Claims;
using System.Text.Encodings.Web;
using Gatehouse.Gateway.Identity.Credentials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>The authentication scheme for <c>gk_</c> API keys sent as a bearer token or in <c>x-api-key</c>.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credential = CredentialReader.Read(Context);
        if (credential.Failure is not null)
        {
            return AuthenticateResult.Fail(new IdentityFailureException(credential.Failure));
        }

        var result = await verifier.VerifyAsync(credential.Value!, Context.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return AuthenticateResult.Fail(new IdentityFailureException(result.Failure));
        }

        var principal = new ClaimsPrincipal(new GatehouseClaimsIdentity(result.Identity));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        await IdentityChallenge.WriteAsync(Context, result.Failure).ConfigureAwait(false);
    }
}
