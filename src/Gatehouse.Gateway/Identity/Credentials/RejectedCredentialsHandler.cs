using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Identity.Credentials;

/// <summary>The scheme a credential that cannot be routed lands on: it fails with the router's reason.</summary>
internal sealed class RejectedCredentialsHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var route = Context.RequestServices.GetRequiredService<CredentialRouter>().Route(Context);
        var failure = route.Failure ?? IdentityFailure.InvalidToken("The credential could not be validated.");
        return Task.FromResult(AuthenticateResult.Fail(new IdentityFailureException(failure)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        await IdentityChallenge.WriteAsync(Context, result.Failure).ConfigureAwait(false);
    }
}
