using System.Security.Claims;
using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Credentials;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>One issuer's JwtBearer events: read the credential, resolve the caller, and turn failures into codes.</summary>
/// <remarks>
/// The issuer's keys are fetched before the token is validated: the token handler swallows a failed fetch and goes on
/// without keys, so a slow or failing fetch would refuse a valid token as having a bad signature (401) instead of
/// saying the issuer is unavailable (503). The configuration manager keeps the keys it has; while it has none, every
/// request fetches again, so one slow fetch costs the requests of that moment and no more.
/// A token found in the <see cref="ValidatedTokenCache"/> whose signing key the issuer still publishes is accepted
/// without being validated again; every other token is validated in full and, once accepted, remembered.
/// </remarks>
internal sealed class OidcBearerEvents(OidcIssuerConfig issuer, ValidatedTokenCache cache, CredentialRouter router) : JwtBearerEvents
{
    public override async Task MessageReceived(MessageReceivedContext context)
    {
        // The token may arrive in x-api-key as well as in Authorization; the reader has already refused ambiguity. The
        // route is the one the selector kept for this credential, with the hash it asked the cache by.
        var route = router.Route(context.HttpContext);
        var token = route.Credential.Value;
        context.Token = token;
        if (string.IsNullOrEmpty(token) || context.Options.ConfigurationManager is not { } manager)
        {
            return;
        }

        var keys = await PublishedKeysAsync(manager, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (keys.Unavailable is { } unavailable)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<OidcBearerEvents>>();
            IdentityLog.IssuerUnavailable(logger, context.Scheme.Name, unavailable);
            context.Fail(new IdentityFailureException(OidcFailureMapper.Map(unavailable)));
            return;
        }

        if (!cache.Enabled)
        {
            return;
        }

        var hash = route.TokenHash ?? TokenHash.Of(token);
        if (!cache.TryGet(hash, context.Scheme.Name, out var known))
        {
            return;
        }

        if (known.SignedByOneOf(keys.Keys))
        {
            context.Principal = new ClaimsPrincipal(new GatehouseClaimsIdentity(known.Caller));
            context.Success();
            return;
        }

        // The key left the issuer's key set (rotation): validate in full.
        cache.Remove(hash);
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
        var email = StringClaim(payload.RootElement, "email");
        var caller = new GatehouseIdentity(
            Subject: token.Subject,
            Email: email,
            Name: StringClaim(payload.RootElement, "name") ?? StringClaim(payload.RootElement, "preferred_username"),
            Groups: GroupsClaimReader.Read(payload.RootElement, issuer.GroupsClaim),
            Issuer: token.Issuer,
            KeyId: null,
            KeyName: null,
            Method: GatehouseIdentity.OidcMethod)
        {
            VerifiedEmail = !string.IsNullOrWhiteSpace(email) && (issuer.TrustEmail || EmailVerified(payload.RootElement)) ? email : null,
            Audiences = [.. token.Audiences],
        };
        context.Principal = new ClaimsPrincipal(new GatehouseClaimsIdentity(caller));
        if (cache.Enabled)
        {
            cache.Add(HashOf(context.HttpContext, token.EncodedToken), context.Scheme.Name, caller, new DateTimeOffset(token.ValidTo, TimeSpan.Zero), token.SigningKey);
        }

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
            IdentityLog.TokenRefused(logger, context.Scheme.Name, failure.Code.ToName(), context.Exception.GetType().Name);
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

    /// <summary>
    /// Returns the issuer's signing keys as last fetched (refreshed on the manager's schedule), or why they cannot be
    /// had: the fetch failed, or the issuer publishes none.
    /// </summary>
    private static async Task<(ICollection<SecurityKey> Keys, Exception? Unavailable)> PublishedKeysAsync(
        IConfigurationManager<OpenIdConnectConfiguration> manager,
        CancellationToken cancellationToken)
    {
        try
        {
            var keys = (await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false)).SigningKeys;
            return keys.Count > 0 ? (keys, null) : (keys, new InvalidOperationException("The issuer publishes no signing keys."));
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure to retrieve the discovery document or JWKS (network, timeout, HTTP status, bad JSON) means the
            // same to the caller: the issuer cannot vouch for the token now.
            return ([], error);
        }
    }

    /// <summary>Returns the hash the request's route computed for <paramref name="token"/>, or computes it.</summary>
    private TokenHash HashOf(HttpContext context, string token) =>
        router.Route(context) is { TokenHash: { } hash } route && string.Equals(route.Credential.Value, token, StringComparison.Ordinal)
            ? hash
            : TokenHash.Of(token);

    /// <summary>Reads <c>email_verified</c>: true as a JSON boolean, or the string <c>"true"</c> some IdPs send.</summary>
    private static bool EmailVerified(JsonElement payload) =>
        payload.TryGetProperty("email_verified", out var value)
        && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));

    private static string? StringClaim(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
