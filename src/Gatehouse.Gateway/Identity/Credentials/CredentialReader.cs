using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Gatehouse.Gateway.Identity.Credentials;

/// <summary>Reads the one credential a request presents in <c>Authorization: Bearer</c> or <c>x-api-key</c>.</summary>
/// <remarks>
/// OpenAI clients send <c>Authorization: Bearer</c>, Anthropic clients <c>x-api-key</c>; either may carry a token or a
/// key. Two different credentials are refused rather than one picked, so that what is validated is what the client meant.
/// </remarks>
internal static class CredentialReader
{
    /// <summary>The header Anthropic-style clients send their key in.</summary>
    public const string ApiKeyHeader = "x-api-key";

    private const string BearerPrefix = "Bearer ";

    /// <summary>Reads the request's credential once per request and caches it in the request's items.</summary>
    /// <remarks>
    /// A request that came through the forward proxy is identified by its proxy credential alone: its own
    /// <c>Authorization</c> and <c>x-api-key</c> are the upstream's business (see docs/designs/forward-proxy.md). That
    /// holds from the request's first moment, before the proxy puts its <see cref="ForwardProxy.Listening.ProxyCaller"/>
    /// in place: ASP.NET Core's authentication middleware asks first, and a scheme's handler keeps its first result for
    /// the whole request, so a first answer for the request's own <c>Authorization</c> would answer for the caller too.
    /// </remarks>
    public static PresentedCredential Read(HttpContext context)
    {
        if (context.Features.Get<ForwardProxy.Listening.ProxyCaller>() is { } caller)
        {
            return caller.Credential;
        }

        var proxied = context.Features.Get<ForwardProxy.Listening.ProxiedConnection>();
        if (proxied is { Credential: { } tunnelled })
        {
            return tunnelled;
        }

        if (context.Items.TryGetValue(typeof(PresentedCredential), out var cached) && cached is PresentedCredential known)
        {
            return known;
        }

        // On a plain proxy connection each request carries its own Proxy-Authorization.
        var read = proxied is null
            ? Read(context.Request.Headers)
            : ForwardProxy.Listening.ProxyAuthorization.Read([.. context.Request.Headers.ProxyAuthorization.Select(v => v ?? "")]);
        context.Items[typeof(PresentedCredential)] = read;
        return read;
    }

    /// <summary>Reads the credential from request headers.</summary>
    public static PresentedCredential Read(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization;
        var apiKey = headers[ApiKeyHeader];
        if (authorization.Count > 1)
        {
            return Fail(IdentityFailure.AmbiguousCredentials("The request has more than one Authorization header; send exactly one."));
        }

        if (apiKey.Count > 1)
        {
            return Fail(IdentityFailure.AmbiguousCredentials("The request has more than one x-api-key header; send exactly one."));
        }

        string? bearer = null;
        if (!StringValues.IsNullOrEmpty(authorization))
        {
            var value = authorization.ToString();
            if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return Fail(IdentityFailure.MissingCredentials(
                    "The Authorization header must use the Bearer scheme: 'Authorization: Bearer <token or API key>'."));
            }

            bearer = NullIfEmpty(value[BearerPrefix.Length..].Trim());
            if (bearer is not null && bearer.Contains(',', StringComparison.Ordinal))
            {
                // RFC 9110 §5.3: repeated header lines may be joined with commas; a token68 never contains one.
                return Fail(IdentityFailure.AmbiguousCredentials("The Authorization header carries more than one credential; send exactly one."));
            }
        }

        var key = NullIfEmpty(apiKey.ToString().Trim());
        if (bearer is not null && key is not null && !string.Equals(bearer, key, StringComparison.Ordinal))
        {
            return Fail(IdentityFailure.AmbiguousCredentials(
                "The request carries different credentials in Authorization and x-api-key; send one of them."));
        }

        return (bearer ?? key) is { } credential
            ? new PresentedCredential(credential, null)
            : Fail(IdentityFailure.MissingCredentials(
                "No credentials: send an OIDC access token or an API key as 'Authorization: Bearer <credential>' or 'x-api-key: <key>'."));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static PresentedCredential Fail(IdentityFailure failure) => new(null, failure);
}
