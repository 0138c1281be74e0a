using System.Security.Claims;
using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Credentials;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>One issuer's JwtBearer events: read the credential, resolve the caller, and turn failures into codes.</summary>
internal sealed class OidcBearerEvents(OidcIssuerConfig issuer) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        // The token may arrive in x-api-key as well as in Authorization; the reader has already refused ambiguity.
        context.Token = CredentialReader.Read(context.HttpContext).Value;
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            context.Fail(new IdentityFailureException(IdentityFailure.InvalidToken("The access token could not be validated.")));
            return Task.CompletedTask;
        }

        if (string.IsNullOrEmpty(token.Subject))
        {
            context.Fail(new IdentityFailureException(IdentityFailure.InvalidToken("The access token has no subject (sub).")));
            return Task.CompletedTask;
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        var caller = new GatehouseIdentity(
            Subject: token.Subject,
            Email: StringClaim(payload.RootElement, "email"),
            Name: StringClaim(payload.RootElement, "name") ?? StringClaim(payload.RootElement, "preferred_username"),
            Groups: GroupsClaimReader.Read(payload.RootElement, issuer.GroupsClaim),
            Issuer: token.Issuer,
            KeyId: null,
            KeyName: null,
            Method: GatehouseIdentity.OidcMethod);
        context.Principal = new ClaimsPrincipal(new GatehouseClaimsIdentity(caller));
        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        var failure = OidcFailureMapper.Map(context.Exception);
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<OidcBearerEvents>>();
        if (failure.Status == StatusCodes.Status503ServiceUnavailable)
        {
            IdentityLog.IssuerUnavailable(logger, context.Scheme.Name, context.Exception);
        }
        else
        {
            // The exception's type says which check failed; its message may quote token contents, so it is not logged.
            IdentityLog.TokenRefused(logger, context.Scheme.Name, failure.Code, context.Exception.GetType().Name);
        }

        context.Fail(new IdentityFailureException(failure));
        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        // Replace the default empty 401 with the problem body; the failure was recorded by the events above.
        context.HandleResponse();
        return IdentityChallenge.WriteAsync(context.HttpContext, context.AuthenticateFailure);
    }

    private static string? StringClaim(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
