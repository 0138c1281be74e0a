using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Gateway.Identity.Credentials;

/// <summary>Chooses the scheme that validates a request's credential: the API-key scheme or one issuer's JwtBearer.</summary>
/// <remarks>
/// The token's <c>iss</c> is read without validation only to pick the issuer whose keys and rules then validate it
/// in full; a forged <c>iss</c> merely selects a validator that will refuse the token.
/// </remarks>
internal sealed class CredentialRouter
{
    private static readonly JsonWebTokenHandler Reader = new();

    private readonly FrozenDictionary<string, string> _schemesByIssuer;
    private readonly bool _apiKeys;

    /// <summary>Initializes a router over issuer → scheme pairs; <paramref name="apiKeys"/> says whether keys are accepted.</summary>
    public CredentialRouter(IEnumerable<KeyValuePair<string, string>> schemesByIssuer, bool apiKeys)
    {
        _schemesByIssuer = schemesByIssuer.ToFrozenDictionary(StringComparer.Ordinal);
        _apiKeys = apiKeys;
    }

    /// <summary>Routes the request's credential.</summary>
    public CredentialRoute Route(HttpContext context)
    {
        var credential = CredentialReader.Read(context);
        if (credential.Failure is not null)
        {
            return Reject(credential.Failure);
        }

        if (credential.IsApiKey)
        {
            return _apiKeys
                ? new CredentialRoute(GatehouseAuthenticationSchemes.ApiKey, null)
                : Reject(IdentityFailure.InvalidApiKey("API keys are not accepted by this gateway; use an OIDC access token."));
        }

        var issuer = ReadUnverifiedIssuer(credential.Value!);
        if (issuer is null)
        {
            return Reject(IdentityFailure.InvalidToken(
                "The credential is neither a Gatehouse API key nor a signed JWT access token with an issuer (iss)."));
        }

        return _schemesByIssuer.TryGetValue(issuer, out var scheme)
            ? new CredentialRoute(scheme, null)
            : Reject(IdentityFailure.UntrustedIssuer("The token's issuer is not one this gateway trusts."));
    }

    private static string? ReadUnverifiedIssuer(string token)
    {
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

    private static CredentialRoute Reject(IdentityFailure failure) => new(GatehouseAuthenticationSchemes.Rejected, failure);
}
