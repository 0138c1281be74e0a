using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Development;

/// <summary>
/// The development issuer's outstanding authorization codes: single use, valid for one minute, at most 256 at once.
/// </summary>
/// <remarks>
/// Kept in memory on purpose: a code lives for the seconds between the sign-in page and the console's token request,
/// and the development issuer runs in one process. The cap keeps a script that opens the page in a loop from growing it.
/// </remarks>
internal sealed class DevAuthorizationCodes(TimeProvider time)
{
    /// <summary>How long a code may wait to be redeemed: one minute.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private const int MaxOutstanding = 256;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DevAuthorizationCode> _codes = new(StringComparer.Ordinal);

    /// <summary>Issues a code for <paramref name="user"/> bound to the client, redirect and PKCE challenge.</summary>
    public string Issue(DevUser user, string clientId, string redirectUri, string codeChallenge, string? nonce)
    {
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        lock (_lock)
        {
            foreach (var expired in _codes.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
            {
                _codes.Remove(expired);
            }

            if (_codes.Count >= MaxOutstanding)
            {
                _codes.Remove(_codes.MinBy(c => c.Value.ExpiresAt).Key);
            }

            _codes[code] = new DevAuthorizationCode(user, clientId, redirectUri, codeChallenge, nonce, now + Lifetime);
        }

        return code;
    }

    /// <summary>Removes and returns the code's grant; null when it is unknown, already used or expired.</summary>
    public DevAuthorizationCode? Redeem(string code)
    {
        lock (_lock)
        {
            if (!_codes.Remove(code, out var grant))
            {
                return null;
            }

            return grant.ExpiresAt > time.GetUtcNow() ? grant : null;
        }
    }

    /// <summary>Returns whether <paramref name="verifier"/> is the PKCE verifier of <paramref name="challenge"/> (S256, RFC 7636 section 4.6).</summary>
    public static bool VerifierMatches(string verifier, string challenge)
    {
        if (verifier.Length is < 43 or > 128)
        {
            return false;
        }

        var computed = Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(computed), System.Text.Encoding.ASCII.GetBytes(challenge));
    }
}
