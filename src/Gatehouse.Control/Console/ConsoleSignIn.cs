using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Oidc;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Control.Console;

/// <summary>Turns a validated ID token into a console session: the subject, name, verified e-mail and groups.</summary>
/// <remarks>
/// Groups are read with the same claim path as the API's tokens from that issuer (<c>identity.oidc[].groupsClaim</c>),
/// and the e-mail counts only when the issuer vouches for it (<c>email_verified</c>, or <c>trustEmail</c>), so the console
/// and the API give a person the same roles and the same reviewer rights.
/// </remarks>
internal static class ConsoleSignIn
{
    public static Task OnTokenValidatedAsync(TokenValidatedContext context, ConsoleOidcConfig config, GatehouseConfig gateway)
    {
        var api = gateway.Identity.Oidc.FirstOrDefault(i => string.Equals(i.Issuer, config.Issuer, StringComparison.Ordinal));
        if (context.SecurityToken is not { } token || context.Principal is null)
        {
            context.Fail("The issuer returned no ID token.");
            return Task.CompletedTask;
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.RawPayload));
        var root = payload.RootElement;
        var subject = token.Subject;
        if (string.IsNullOrEmpty(subject))
        {
            context.Fail("The ID token has no subject.");
            return Task.CompletedTask;
        }

        var email = root.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var verified = (api?.TrustEmail ?? false) || (root.TryGetProperty("email_verified", out var v) && v.ValueKind == JsonValueKind.True);
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var groups = GroupsClaimReader.Read(root, api?.GroupsClaim ?? "groups");
        var user = new ConsoleUser(subject, name ?? subject, verified ? email : null, groups, config.Issuer);
        context.Principal = user.Compact();
        ConsoleLog.SignedIn(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSignIn)), subject);
        return Task.CompletedTask;
    }

    /// <summary>Ends a failed sign-in on a page that says so, never with a stack trace or the issuer's raw error text.</summary>
    public static Task OnRemoteFailureAsync(Microsoft.AspNetCore.Authentication.RemoteFailureContext context)
    {
        ConsoleLog.SignInFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSignIn)), context.Failure?.GetType().Name ?? "unknown");
        context.Response.Redirect(ConsoleSchemes.PathBase + "/signed-out?failed=1");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Answers a signed-in person who lacks the role a page needs with 403 and the stable code <c>console_forbidden</c>,
    /// instead of the cookie handler's redirect.
    /// </summary>
    public static Task OnForbiddenAsync(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        ConsoleHeaders.Apply(context.Response);
        return ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(
            "console_forbidden",
            "Not for your role",
            StatusCodes.Status403Forbidden,
            "This page is for the gateway's admins (roles.admin in the configuration). Ask an admin, or sign in as one."),
            context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// Returns the cookies' secure policy: <c>Secure</c> always, unless every address the gateway is reached at is a
    /// loopback address (a developer's machine, where plain http never leaves the host).
    /// </summary>
    public static Microsoft.AspNetCore.Http.CookieSecurePolicy SecurePolicy(ServerConfig server)
    {
        var urls = server.PublicUrl is { } publicUrl ? [publicUrl] : server.Urls;
        var loopback = urls.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost"));
        return loopback ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }
}
