using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.Console;

/// <summary>The headers every console response carries: a strict Content-Security-Policy and no caching of pages.</summary>
/// <remarks>
/// No inline script or style is allowed, and every asset comes from the gateway itself ('self'): an injected
/// <c>&lt;script&gt;</c> in held content could not run even if escaping failed. Forms may post only back to the gateway.
/// </remarks>
internal static class ConsoleHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Apply(HttpResponse response, bool cacheable = false)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = cacheable ? "public, max-age=3600" : "no-store";
    }
}
