using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Gateway.Identity.Development;

/// <summary>Maps the development issuer's discovery document and JWKS.</summary>
internal static class DevIssuerEndpoints
{
    /// <summary>
    /// Serves <c>/dev-issuer/.well-known/openid-configuration</c>, <c>/dev-issuer/jwks</c> and the console's sign-in
    /// (<see cref="DevSignInEndpoints"/>).
    /// </summary>
    /// <remarks>URLs in the discovery document are built from the request, which in development reaches the gateway directly.</remarks>
    public static IEndpointConventionBuilder MapDevIssuer(this IEndpointRouteBuilder endpoints, DevSigningKey key)
    {
        // Discovery and keys are public by nature; a global authorization policy must not hide them.
        var group = endpoints.MapGroup(DevIssuer.PathPrefix).AllowAnonymous();
        group.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = DevIssuer.IssuerUrl($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}");
            return Json(json =>
            {
                json.WriteString("issuer", issuer);
                json.WriteString("jwks_uri", issuer + "/jwks");
                json.WriteString("authorization_endpoint", issuer + "/authorize");
                json.WriteString("token_endpoint", issuer + "/token");
                WriteArray(json, "id_token_signing_alg_values_supported", "RS256");
                WriteArray(json, "response_types_supported", "code", "token");
                WriteArray(json, "response_modes_supported", "query");
                WriteArray(json, "grant_types_supported", "authorization_code");
                WriteArray(json, "code_challenge_methods_supported", "S256");
                WriteArray(json, "token_endpoint_auth_methods_supported", "none", "client_secret_post");
                WriteArray(json, "scopes_supported", "openid", "profile", "email");
                WriteArray(json, "subject_types_supported", "public");
            });
        });
        group.MapGet("/jwks", () => Json(json =>
        {
            json.WriteStartArray("keys");
            json.WriteStartObject();
            json.WriteString("kty", "RSA");
            json.WriteString("use", "sig");
            json.WriteString("alg", "RS256");
            json.WriteString("kid", key.KeyId);
            json.WriteString("n", key.PublicParameters.Modulus);
            json.WriteString("e", key.PublicParameters.Exponent);
            json.WriteEndObject();
            json.WriteEndArray();
        }));
        var time = endpoints.ServiceProvider.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        group.MapDevSignIn(new DevAuthorizationCodes(time), new DevTokenMinter(key, time));
        return group;
    }

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

    private static void WriteArray(Utf8JsonWriter json, string name, params string[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
