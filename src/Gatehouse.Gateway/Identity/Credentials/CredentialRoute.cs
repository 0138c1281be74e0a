namespace Gatehouse.Gateway.Identity.Credentials;

/// <summary>The authentication scheme a request's credential is validated by, and the failure when it has none.</summary>
/// <param name="Scheme">The scheme name; <see cref="GatehouseAuthenticationSchemes.Rejected"/> when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">Why the credential cannot be routed to any validating scheme.</param>
internal sealed record CredentialRoute(string Scheme, IdentityFailure? Failure);
