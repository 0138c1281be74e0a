namespace Gatehouse.Gateway.Identity;

/// <summary>Who is calling, as established from a validated token or API key.</summary>
/// <param name="Subject">The token's <c>sub</c>, or <c>apikey:{name}</c> for an API key.</param>
/// <param name="Email">The <c>email</c> claim, when present.</param>
/// <param name="Name">The <c>name</c> (or <c>preferred_username</c>) claim, or the key's name.</param>
/// <param name="Groups">The groups the caller holds, in the order the credential lists them, without duplicates.</param>
/// <param name="Issuer">The token issuer for OIDC callers; null for API keys.</param>
/// <param name="KeyId">The API key id for key callers; null for OIDC.</param>
/// <param name="KeyName">The API key name for key callers; null for OIDC.</param>
/// <param name="Method"><see cref="OidcMethod"/> or <see cref="ApiKeyMethod"/>.</param>
internal sealed record GatehouseIdentity(
    string Subject,
    string? Email,
    string? Name,
    IReadOnlyList<string> Groups,
    string? Issuer,
    string? KeyId,
    string? KeyName,
    string Method)
{
    /// <summary>The method of a caller identified by an OIDC bearer token.</summary>
    public const string OidcMethod = "oidc";

    /// <summary>The method of a caller identified by an API key.</summary>
    public const string ApiKeyMethod = "apikey";
}
