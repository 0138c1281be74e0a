namespace Gatehouse.Gateway.Configuration;

/// <summary>Who holds a role: anyone in one of the groups, or one of the users (by subject or e-mail).</summary>
public sealed record RoleMembers
{
    /// <summary>Gets the groups whose members hold the role; the default is none.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>
    /// Gets the users who hold the role, each a principal key (<c>{issuer}#{sub}</c>), a subject or an e-mail address;
    /// the default is none.
    /// </summary>
    /// <remarks>A bare subject matches that subject from any trusted issuer; name the issuer when several are trusted.</remarks>
    public IReadOnlyList<string> Users { get; init; } = [];

    /// <summary>Returns whether a caller with this subject, principal key, verified e-mail and groups holds the role.</summary>
    /// <remarks>Pass only an e-mail the issuer verified: an unverified address would let a caller name themselves.</remarks>
    public bool Admits(string subject, string? principalKey, string? verifiedEmail, IReadOnlyList<string> groups)
        => (principalKey is not null && Users.Contains(principalKey, StringComparer.Ordinal)) || Admits(subject, verifiedEmail, groups);

    /// <summary>Returns whether a caller with this subject, e-mail and groups holds the role.</summary>
    /// <remarks>Subjects and groups compare exactly (IdPs treat them as opaque); e-mail addresses ignore case.</remarks>
    public bool Admits(string subject, string? email, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var user in Users)
        {
            if (string.Equals(user, subject, StringComparison.Ordinal)
                || (email is not null && string.Equals(user, email, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return groups.Any(g => Groups.Contains(g, StringComparer.Ordinal));
    }
}
