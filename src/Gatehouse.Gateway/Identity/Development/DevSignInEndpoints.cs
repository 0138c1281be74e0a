using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Gateway.Identity.Development;

/// <summary>
/// The development issuer's sign-in: <c>GET /dev-issuer/authorize</c> shows a user picker (alice, bob, carol, dave),
/// <c>POST /dev-issuer/authorize</c> redirects back with a code, and <c>POST /dev-issuer/token</c> redeems the code
/// for an ID token once its PKCE verifier matches. Served only in development mode, with the rest of the issuer.
/// </summary>
internal static class DevSignInEndpoints
{
    private const string PageSecurityPolicy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapDevSignIn(this RouteGroupBuilder group, DevAuthorizationCodes codes, DevTokenMinter minter)
    {
        group.MapGet("/authorize", (HttpContext context) =>
        {
            var (request, error) = DevSignInRequest.Read(name => context.Request.Query[name].FirstOrDefault(), context.Request);
            return request is null ? Page(context, 400, Error(error!)) : Page(context, 200, Picker(context));
        });
        group.MapPost("/authorize", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var (request, error) = DevSignInRequest.Read(name => form[name].FirstOrDefault(), context.Request);
            if (request is null)
            {
                return Page(context, 400, Error(error!));
            }

            if (DevUser.Find(form["user"].FirstOrDefault()) is not { } user)
            {
                return Page(context, 400, Error("Choose one of the listed users."));
            }

            var code = codes.Issue(user, request.ClientId, request.RedirectUri, request.CodeChallenge, request.Nonce);
            var query = new Dictionary<string, string?> { ["code"] = code };
            if (request.State is not null)
            {
                query["state"] = request.State;
            }

            return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri, query));
        }).DisableAntiforgery();
        group.MapPost("/token", async (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form["grant_type"] != "authorization_code")
            {
                return TokenError("unsupported_grant_type", "grant_type must be authorization_code.");
            }

            var grant = codes.Redeem(form["code"].ToString());
            if (grant is null)
            {
                return TokenError("invalid_grant", "The code is unknown, expired or already used.");
            }

            if (form["client_id"] != grant.ClientId || form["redirect_uri"] != grant.RedirectUri)
            {
                return TokenError("invalid_grant", "client_id and redirect_uri must be those of the authorization request.");
            }

            if (!DevAuthorizationCodes.VerifierMatches(form["code_verifier"].ToString(), grant.CodeChallenge))
            {
                return TokenError("invalid_grant", "The code_verifier does not match the code_challenge (PKCE, S256).");
            }

            var publicBase = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
            return Json(json =>
            {
                json.WriteString("access_token", minter.Mint(publicBase, grant.User.Subject, grant.User.Groups, TimeSpan.FromMinutes(5)));
                json.WriteString("token_type", "Bearer");
                json.WriteNumber("expires_in", 300);
                json.WriteString("id_token", minter.MintIdToken(DevIssuer.IssuerUrl(publicBase), grant.User, grant.ClientId, grant.Nonce));
            });
        }).DisableAntiforgery();
    }

    private static IResult Page(HttpContext context, int status, string body)
    {
        context.Response.Headers.ContentSecurityPolicy = PageSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XFrameOptions = "DENY";
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + "<title>Sign in: Gatehouse development issuer</title></head><body><main>" + body + "</main></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string Picker(HttpContext context)
    {
        var html = new StringBuilder();
        html.Append("<h1>Sign in to Gatehouse (development)</h1>")
            .Append("<p>Development mode signs you in as one of these people, with no password. Never enabled outside <code>serve --dev</code>.</p>")
            .Append("<form method=\"post\" action=\"").Append(HtmlEncoder.Default.Encode(context.Request.PathBase + context.Request.Path)).Append("\">");
        foreach (var name in DevSignInRequest.Carried)
        {
            if (context.Request.Query[name].FirstOrDefault() is { } value)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(HtmlEncoder.Default.Encode(value)).Append("\">");
            }
        }

        html.Append("<fieldset><legend>Who are you?</legend><ul>");
        foreach (var user in DevUser.Defaults)
        {
            html.Append("<li><button type=\"submit\" name=\"user\" value=\"").Append(user.Subject).Append("\">")
                .Append(user.Subject).Append(" (").Append(user.Role).Append(")</button> groups: ")
                .Append(HtmlEncoder.Default.Encode(string.Join(", ", user.Groups))).Append("</li>");
        }

        return html.Append("</ul></fieldset></form>").ToString();
    }

    private static string Error(string message)
        => "<h1>Cannot sign in</h1><p role=\"alert\">" + HtmlEncoder.Default.Encode(message) + "</p>";

    private static IResult TokenError(string code, string description)
        => Results.Json(new Dictionary<string, string> { ["error"] = code, ["error_description"] = description }, statusCode: 400);

    private static IResult Json(Action<Utf8JsonWriter> writeMembers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            writeMembers(json);
            json.WriteEndObject();
        }

        return Results.Bytes(buffer.ToArray(), "application/json");
    }
}
