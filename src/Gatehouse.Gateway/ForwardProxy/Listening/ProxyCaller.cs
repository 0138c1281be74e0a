using Gatehouse.Gateway.Identity.Credentials;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>
/// The credential a request brought through the forward proxy (its <c>Proxy-Authorization</c>), set as a request
/// feature. The identify stage reads it instead of the request's <c>Authorization</c>, which then belongs to the upstream.
/// </summary>
/// <param name="Credential">The password of the Basic credential: a Gatehouse API key or an OIDC access token.</param>
/// <param name="Host">The host the client asked for.</param>
internal sealed record ProxyCaller(PresentedCredential Credential, string Host);
