using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>What the token cache remembers of one validated token: who it identified, until when, and the key that signed it.</summary>
/// <param name="Scheme">The issuer's authentication scheme that validated it.</param>
/// <param name="Caller">The identity resolved from its claims.</param>
/// <param name="ValidUntil">Its expiry (exp), or earlier when the cache's maximum age comes first.</param>
/// <param name="KeyId">The kid of the key that signed it, when the key has one.</param>
/// <param name="SigningKey">The key object that signed it, as the issuer's key set held it.</param>
internal sealed record ValidatedToken(string Scheme, GatehouseIdentity Caller, DateTimeOffset ValidUntil, string? KeyId, SecurityKey? SigningKey)
{
    /// <summary>Returns whether the key that signed the token is still among <paramref name="published"/>.</summary>
    /// <remarks>A key with a kid is matched by kid; one without is matched only as the same object, i.e. the same fetch of the key set.</remarks>
    public bool SignedByOneOf(ICollection<SecurityKey> published)
    {
        foreach (var key in published)
        {
            if (KeyId is not null ? string.Equals(key.KeyId, KeyId, StringComparison.Ordinal) : ReferenceEquals(key, SigningKey))
            {
                return true;
            }
        }

        return false;
    }
}
