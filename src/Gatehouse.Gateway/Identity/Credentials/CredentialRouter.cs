using System.Collections.Frozen;
using Gatehouse.Gateway.Identity.Oidc;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Gateway.Identity.Credentials;

/// <summary>Chooses the scheme that validates a request's credential: the API-key scheme or one issuer's JwtBearer.</summary>
/// <remarks>
/// <para>
/// A token the <see cref="ValidatedTokenCache"/> holds goes to the scheme that validated it, found by the token's hash
/// without parsing it; that scheme still checks the entry (expiry, signing key still published) and validates in full
/// when it fails. Any other token's <c>iss</c> is read without validation only to pick the issuer whose keys and rules
/// then validate it in full; a forged <c>iss</c> merely selects a validator that will refuse the token.
/// </para>
/// <para>
/// A request is routed once and keeps its route for the credential it routed: ASP.NET Core's authentication middleware,
/// the identity stage and the refusing scheme all ask. <see cref="CredentialReader"/> gives one credential per request
/// (on the forward proxy's listener, the proxy credential from the request's first moment); the kept route is still
/// checked against the credential it was made for, so a route can never answer for another credential.
/// </para>
/// </remarks>
internal sealed class CredentialRouter
{
    private static readonly JsonWebTokenHandler Reader = new();

    private readonly FrozenDictionary<string, string> _schemesByIssuer;
    private readonly bool _apiKeys;
    private readonly ValidatedTokenCache? _tokens;
    private long _routed;
    private long _issuersRead;

    /// <summary>
    /// Initializes a router over issuer → scheme pairs; <paramref name="apiKeys"/> says whether keys are accepted, and
    /// <paramref name="tokens"/> (optional) is asked for a token's scheme before its issuer is read.
    /// </summary>
    public CredentialRouter(IEnumerable<KeyValuePair<string, string>> schemesByIssuer, bool apiKeys, ValidatedTokenCache? tokens = null)
    {
        _schemesByIssuer = schemesByIssuer.ToFrozenDictionary(StringComparer.Ordinal);
        _apiKeys = apiKeys;
        _tokens = tokens is { Enabled: true } ? tokens : null;
    }

    /// <summary>Gets how many credentials this router has routed (a route a request kept is not counted again).</summary>
    internal long Routed => Interlocked.Read(ref _routed);

    /// <summary>Gets how many tokens this router has parsed to read their unverified issuer.</summary>
    internal long IssuersRead => Interlocked.Read(ref _issuersRead);

    /// <summary>Routes the request's credential, or returns the route the request keeps for that same credential.</summary>
    public CredentialRoute Route(HttpContext context)
    {
        var credential = CredentialReader.Read(context);
        if (context.Items.TryGetValue(typeof(CredentialRoute), out var kept) && kept is CredentialRoute route
            && ReferenceEquals(route.Credential, credential))
        {
            return route;
        }

        route = Route(credential);
        context.Items[typeof(CredentialRoute)] = route;
        return route;
    }

    private CredentialRoute Route(PresentedCredential credential)
    {
        Interlocked.Increment(ref _routed);
        if (credential.Failure is not null)
        {
            return Reject(credential, credential.Failure);
        }

        if (credential.IsApiKey)
        {
            return _apiKeys
                ? new CredentialRoute(credential, GatehouseAuthenticationSchemes.ApiKey, null)
                : Reject(credential, IdentityFailure.InvalidApiKey("API keys are not accepted by this gateway; use an OIDC access token."));
        }

        TokenHash? hash = null;
        if (_tokens is not null)
        {
            var known = TokenHash.Of(credential.Value!);
            if (_tokens.SchemeOf(known) is { } validatedBy)
            {
                return new CredentialRoute(credential, validatedBy, null, known);
            }

            hash = known;
        }

        var issuer = ReadUnverifiedIssuer(credential.Value!);
        if (issuer is null)
        {
            return Reject(credential, IdentityFailure.InvalidToken(
                "The credential is neither a Gatehouse API key nor a signed JWT access token with an issuer (iss)."));
        }

        return _schemesByIssuer.TryGetValue(issuer, out var scheme)
            ? new CredentialRoute(credential, scheme, null, hash)
            : Reject(credential, IdentityFailure.UntrustedIssuer("The token's issuer is not one this gateway trusts."));
    }

    private string? ReadUnverifiedIssuer(string token)
    {
        Interlocked.Increment(ref _issuersRead);
        if (!Reader.CanReadToken(token))
        {
            return null;
        }

        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.IsEncrypted || string.IsNullOrEmpty(jwt.Issuer) ? null : jwt.Issuer;
        }
        catch (ArgumentException)
        {
            // The shape passed CanReadToken but a segment is not valid base64url JSON: not a token we can route.
            return null;
        }
    }

    private static CredentialRoute Reject(PresentedCredential credential, IdentityFailure failure) =>
        new(credential, GatehouseAuthenticationSchemes.Rejected, failure);
}
