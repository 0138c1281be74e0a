namespace Gatehouse.Control.Console;

/// <summary>The console's authentication schemes and authorization policy; none of them is the gateway's default.</summary>
internal static class ConsoleSchemes
{
    /// <summary>The session cookie. Only an OpenID Connect sign-in creates it: an API key or bearer token never does.</summary>
    public const string Cookie = "Gatehouse.Console";

    /// <summary>The OpenID Connect sign-in (authorization code with PKCE).</summary>
    public const string Oidc = "Gatehouse.Console.Oidc";

    /// <summary>
    /// The authorization policy every console page requires: a signed-in console session. It names the cookie scheme, so
    /// a role policy combined with it on a folder (the admin pages use <c>gatehouse:admin</c>) reads the session only.
    /// </summary>
    public const string Policy = "gatehouse:console";

    /// <summary>The path the console is served under.</summary>
    public const string PathBase = "/console";
}
