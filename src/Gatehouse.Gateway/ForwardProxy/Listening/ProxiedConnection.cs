using Gatehouse.Gateway.Identity.Credentials;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>
/// Marks a connection that arrived on the proxy listener, as a connection feature: a plain one (absolute-form requests,
/// each with its own <c>Proxy-Authorization</c>), or an intercepted CONNECT tunnel with its host, connection and credential.
/// </summary>
internal sealed record ProxiedConnection(string? Host, string? Connection, PresentedCredential? Credential)
{
    /// <summary>A plain-HTTP proxy connection.</summary>
    public static readonly ProxiedConnection Plain = new(null, null, null);
}
