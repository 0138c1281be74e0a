using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Development;
using Gatehouse.Gateway.Routing;

namespace Gatehouse.Gateway.Mcp;

/// <summary>
/// Names an MCP connection as an OAuth protected resource (RFC 8707 resource identifier, RFC 9728 metadata): the
/// gateway is the resource server MCP clients see, and each <c>mcp</c> connection is one resource.
/// </summary>
internal static class McpResources
{
    /// <summary>The RFC 9728 well-known prefix; the connection (and any endpoint path below it) follows it.</summary>
    public const string WellKnown = "/.well-known/oauth-protected-resource";

    /// <summary>
    /// Returns the connection's resource identifier: <c>mcp.resource</c>, else the public URL and <c>/{connection}</c>,
    /// followed by <paramref name="endpointPath"/> (the MCP endpoint below the connection, such as <c>/mcp</c>) when given.
    /// </summary>
    public static string Resource(ServerConfig server, ConnectionConfig connection, string? endpointPath = null)
    {
        var root = connection.Mcp.Resource?.AbsoluteUri.TrimEnd('/') ?? DevIssuer.PublicBase(server) + "/" + connection.Name;
        return string.IsNullOrEmpty(endpointPath) || endpointPath == "/" ? root : root + "/" + endpointPath.TrimStart('/');
    }

    /// <summary>Returns the URL of the connection's protected resource metadata (RFC 9728 section 3.1, path form).</summary>
    public static string MetadataUrl(ServerConfig server, ConnectionConfig connection)
        => DevIssuer.PublicBase(server) + WellKnown + "/" + connection.Name;

    /// <summary>
    /// Returns the metadata URL of the connection named <paramref name="name"/> when it is an <c>mcp</c> connection, else
    /// null: an unauthenticated caller of an MCP connection is told where to find its authorization server (RFC 9728
    /// section 5.1); other paths reveal nothing.
    /// </summary>
    public static string? MetadataUrl(ServerConfig server, ConnectionCatalog connections, string? name)
        => name is not null && connections.Find(name) is { Config.Kind: "mcp" } mcp ? MetadataUrl(server, mcp.Config) : null;

    /// <summary>
    /// Returns why <paramref name="caller"/>'s token may not use the connection, or null: with <c>mcp.requireAudience</c>,
    /// an OIDC token must have been issued for the connection's resource (RFC 8707, MCP authorization). API keys pass.
    /// </summary>
    public static IdentityFailure? AudienceFailure(ServerConfig server, ConnectionConfig connection, GatehouseIdentity caller)
        => connection.Mcp.RequireAudience && caller.Method == GatehouseIdentity.OidcMethod && !Names(caller.Audiences, server, connection)
            ? IdentityFailure.InvalidToken(
                $"The access token's audience (aud) does not name this MCP connection. Request a token with resource={Resource(server, connection)}.")
            : null;

    /// <summary>
    /// Returns whether <paramref name="audiences"/> name the connection: its resource identifier, or a URL below it (the
    /// MCP endpoint a client named, such as <c>/{connection}/mcp</c>). Scheme and host compare case-insensitively.
    /// </summary>
    public static bool Names(IReadOnlyList<string> audiences, ServerConfig server, ConnectionConfig connection)
    {
        var resource = Resource(server, connection);
        foreach (var audience in audiences)
        {
            if (Uri.TryCreate(audience, UriKind.Absolute, out var uri) && uri.Fragment.Length == 0)
            {
                var canonical = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
                if (string.Equals(canonical, resource, StringComparison.OrdinalIgnoreCase)
                    || canonical.StartsWith(resource + "/", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
