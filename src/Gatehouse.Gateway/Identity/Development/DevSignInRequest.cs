using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Identity.Development;

/// <summary>
/// An authorization request to the development issuer (RFC 6749 section 4.1.1 with PKCE, RFC 7636), read from the
/// query of the sign-in page or the fields of its form.
/// </summary>
internal sealed record DevSignInRequest(string ClientId, string RedirectUri, string? State, string? Nonce, string CodeChallenge)
{
    /// <summary>The parameters carried from the page to its form, in order.</summary>
    public static readonly string[] Carried = ["response_type", "client_id", "redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method"];

    /// <summary>
    /// Reads and checks the request; returns the error to show otherwise. The redirect must be on the issuer's own
    /// origin: the development issuer serves only the console of the gateway that hosts it, and a code must never be
    /// sent elsewhere.
    /// </summary>
    public static (DevSignInRequest? Request, string? Error) Read(Func<string, string?> value, HttpRequest request)
    {
        var clientId = value("client_id");
        var redirect = value("redirect_uri");
        var challenge = value("code_challenge");
        if (value("response_type") != "code")
        {
            return (null, "response_type must be code: the development issuer supports the authorization code flow only.");
        }

        if (string.IsNullOrEmpty(clientId))
        {
            return (null, "client_id is required.");
        }

        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri)
            || !string.Equals(redirectUri.GetLeftPart(UriPartial.Authority), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "redirect_uri must be an absolute URL on this gateway's own address.");
        }

        if (string.IsNullOrEmpty(challenge) || value("code_challenge_method") != "S256")
        {
            return (null, "PKCE is required: send code_challenge with code_challenge_method S256.");
        }

        return (new DevSignInRequest(clientId, redirect!, value("state"), value("nonce"), challenge), null);
    }
}
