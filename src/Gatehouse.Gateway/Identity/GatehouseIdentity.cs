using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Identity;

/// <summary>Who is calling, as established from a validated token or API key.</summary>
/// <param name="Subject">The token's <c>sub</c>, or <c>apikey:{name}</c> for an API key.</param>
/// <param name="Email">The <c>email</c> claim, when present: shown and recorded, never trusted (see <see cref="VerifiedEmail"/>).</param>
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
    /// <summary>Gets the e-mail the issuer vouches for (<c>email_verified</c>, or an issuer trusted for e-mail); null otherwise.</summary>
    /// <remarks>Roles, reviewer lists and policy rules that name an e-mail address match only this one.</remarks>
    public string? VerifiedEmail { get; init; }

    /// <summary>Gets the audiences (<c>aud</c>) of the caller's token; empty for API keys.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>Gets, for an API key, the principal key of its owner; null for OIDC callers and for keys with no owner.</summary>
    public string? OwnerKey { get; init; }

    /// <summary>
    /// Gets the stable principal key every comparison uses: <c>{issuer}#{sub}</c> for a token, the owner's key for an
    /// API key (<c>apikey:{id}</c> for a key stored without an owner).
    /// </summary>
    public string PrincipalKey => Method == ApiKeyMethod
        ? OwnerKey ?? "apikey:" + KeyId
        : Principal.OidcKey(Issuer ?? "", Subject);

    /// <summary>Gets every name the caller is known by: the principal key, and the verified e-mail as an e-mail key.</summary>
    public IReadOnlyList<string> PrincipalNames => Principal.NamesOf(PrincipalKey, VerifiedEmail);

    /// <summary>Gets the caller as the review rules see it.</summary>
    public Principal ToPrincipal() => new() { Subject = Subject, Key = PrincipalKey, Email = VerifiedEmail, Groups = Groups };

    /// <summary>The method of a caller identified by an OIDC bearer token.</summary>
    public const string OidcMethod = "oidc";

    /// <summary>The method of a caller identified by an API key.</summary>
    public const string ApiKeyMethod = "apikey";
}
