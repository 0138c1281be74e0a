using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>Checks a token's <c>nbf</c>/<c>exp</c> against an injected clock instead of the system clock.</summary>
/// <remarks>
/// IdentityModel reports a lifetime failure only by exception type, so the validator throws the same types its own
/// check would (expired, not yet valid, no expiry); <see cref="OidcFailureMapper"/> turns them into codes.
/// </remarks>
internal static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeProvider time) => (notBefore, expires, _, parameters) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            return parameters.RequireExpirationTime
                ? throw new SecurityTokenNoExpirationException("The token has no expiry.")
                : notBefore is null || notBefore <= now + parameters.ClockSkew;
        }

        if (notBefore is { } start && start > expires)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.") { NotBefore = start, Expires = expires };
        }

        if (notBefore is { } begins && begins > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = begins };
        }

        if (expires < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    };
}
