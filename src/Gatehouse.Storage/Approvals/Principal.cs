namespace Gatehouse.Storage.Approvals;

/// <summary>An authenticated person or service as the review rules see it: a subject, an optional email, groups.</summary>
public sealed record Principal
{
    /// <summary>Gets the stable subject (the token's <c>sub</c> or the API key's name).</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the email, when the identity carries one.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the groups the principal holds.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets whether <paramref name="other"/> is the same person: same subject, or the same non-empty email.</summary>
    public bool IsSamePerson(Principal other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Subject, other.Subject, StringComparison.Ordinal)
            || (!string.IsNullOrEmpty(Email) && string.Equals(Email, other.Email, StringComparison.OrdinalIgnoreCase));
    }
}
