namespace Gatehouse.Audit.Records;

/// <summary>Who made an exchange, as the audit keeps it.</summary>
/// <param name="Subject">The token's <c>sub</c>, or <c>apikey:{name}</c> for an API key.</param>
/// <param name="Email">The e-mail claim, when present.</param>
/// <param name="Groups">The groups the caller holds.</param>
/// <param name="Issuer">The token issuer, for OIDC callers.</param>
/// <param name="KeyId">The API key id, for key callers.</param>
/// <param name="Method"><c>oidc</c> or <c>apikey</c>.</param>
public sealed record AuditIdentity(
    string Subject,
    string? Email,
    IReadOnlyList<string> Groups,
    string? Issuer,
    string? KeyId,
    string Method)
{
    /// <summary>
    /// Gets every principal name the caller was known by: the principal key (<c>{issuer}#{sub}</c>, or an API key's
    /// owner) and the verified e-mail as <c>email:{address}</c>. Null on records written before it was kept.
    /// </summary>
    /// <remarks>A caller without a reading role sees the exchanges that share one of these names with them, and no other.</remarks>
    public IReadOnlyList<string>? Principals { get; init; }
}
