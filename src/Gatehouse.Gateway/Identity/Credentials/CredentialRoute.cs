using Gatehouse.Gateway.Identity.Oidc;

namespace Gatehouse.Gateway.Identity.Credentials;

/// <summary>The authentication scheme a request's credential is validated by, and the failure when it has none.</summary>
/// <param name="Credential">The credential routed: a request keeps its route for this credential only.</param>
/// <param name="Scheme">The scheme name; <see cref="GatehouseAuthenticationSchemes.Rejected"/> when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">Why the credential cannot be routed to any validating scheme.</param>
/// <param name="TokenHash">The token's hash when the router computed it to ask the token cache; null for keys, or with the cache off.</param>
internal sealed record CredentialRoute(PresentedCredential Credential, string Scheme, IdentityFailure? Failure, TokenHash? TokenHash = null);
