namespace Gatehouse.Storage.Approvals;

/// <summary>Who may review a request and how many reviews resolve it; copied from the policy when the request opens.</summary>
/// <remarks>The copy travels with the request so that a policy reload never changes the rules of a pending request.</remarks>
public sealed record ReviewPolicy
{
    /// <summary>Gets the groups whose members may review.</summary>
    public IReadOnlyList<string> ReviewerGroups { get; init; } = [];

    /// <summary>Gets the users who may review: a principal key (<c>{issuer}#{sub}</c>), a subject, or a verified e-mail.</summary>
    public IReadOnlyList<string> ReviewerUsers { get; init; } = [];

    /// <summary>Gets the number of approvals that approve; defaults to 1.</summary>
    public int ApprovalsNeeded { get; init; } = 1;

    /// <summary>Gets the number of rejections that reject at once; defaults to 1.</summary>
    public int DenyThreshold { get; init; } = 1;

    /// <summary>Gets whether <paramref name="reviewer"/> is named by user or holds one of the groups.</summary>
    public bool Admits(Principal reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return ReviewerUsers.Any(u => string.Equals(u, reviewer.Subject, StringComparison.Ordinal)
                || string.Equals(u, reviewer.Key, StringComparison.Ordinal)
                || (reviewer.Email is not null && string.Equals(u, reviewer.Email, StringComparison.OrdinalIgnoreCase)))
            || ReviewerGroups.Any(g => reviewer.Groups.Contains(g, StringComparer.Ordinal));
    }
}
