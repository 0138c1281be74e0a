using System.Text.Json.Serialization;

namespace Gatehouse.Storage.Approvals;

/// <summary>An authenticated person or service as the review rules see it: a stable key, a display subject, groups.</summary>
/// <remarks>
/// Identity is <see cref="Key"/> (issuer and subject for a token, the owner's key for an API key), never the bare
/// subject: two trusted issuers may both mint <c>sub: kai</c> for different people. <see cref="Email"/> takes part only
/// when it is verified, so an address a caller typed into their own profile proves nothing.
/// </remarks>
public sealed record Principal
{
    /// <summary>The prefix of a principal key that names a person by verified e-mail address.</summary>
    public const string EmailKeyPrefix = "email:";

    /// <summary>Gets the subject as shown to people (the token's <c>sub</c>, or <c>apikey:{name}</c>).</summary>
    public required string Subject { get; init; }

    /// <summary>
    /// Gets the stable principal key: <c>{issuer}#{sub}</c> for a token, the owner's key for an API key. Null only on
    /// rows stored before principal keys existed, which then compare by <see cref="Subject"/>.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>Gets the verified e-mail address, when the identity carries one the issuer vouches for.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the groups the principal holds.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets the key this principal is compared, stored and looked up by.</summary>
    [JsonIgnore]
    public string Id => Key ?? Subject;

    /// <summary>Builds the principal key of an OIDC subject: <c>{issuer}#{sub}</c> (an issuer URL has no fragment).</summary>
    public static string OidcKey(string issuer, string subject) => issuer + "#" + subject;

    /// <summary>Builds the principal key of a person named by verified e-mail: <c>email:</c> and the address in lower case.</summary>
    public static string EmailKey(string email) => EmailKeyPrefix + email.Trim().ToLowerInvariant();

    /// <summary>Gets every name this principal is known by: its key, and its verified e-mail as an e-mail key.</summary>
    public IReadOnlyList<string> Names() => NamesOf(Id, Email);

    /// <summary>Gets the names of a principal with key <paramref name="id"/> and verified <paramref name="email"/>.</summary>
    public static IReadOnlyList<string> NamesOf(string id, string? email) =>
        string.IsNullOrEmpty(email) ? [id] : [id, EmailKey(email)];

    /// <summary>Gets whether <paramref name="other"/> is the same person: a shared key or verified e-mail.</summary>
    /// <remarks>A row stored before keys existed has only a subject; it then matches on the subject, as it always did.</remarks>
    public bool IsSamePerson(Principal other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if ((Key is null || other.Key is null) && string.Equals(Subject, other.Subject, StringComparison.Ordinal))
        {
            return true;
        }

        var theirs = other.Names();
        return Names().Any(n => theirs.Contains(n, StringComparer.Ordinal));
    }
}
