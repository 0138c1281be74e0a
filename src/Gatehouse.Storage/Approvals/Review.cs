namespace Gatehouse.Storage.Approvals;

/// <summary>One reviewer's decision on a request, with the reviewer's justification.</summary>
/// <param name="Reviewer">The reviewer's principal key (see <see cref="Principal.Id"/>).</param>
/// <param name="Decision">Approve or reject.</param>
/// <param name="Justification">Why, in the reviewer's words; may be empty.</param>
/// <param name="At">When the review was recorded.</param>
public sealed record Review(string Reviewer, ReviewDecision Decision, string Justification, DateTimeOffset At)
{
    /// <summary>Gets the reviewer's subject as shown to people; null on reviews stored before it was kept.</summary>
    public string? ReviewerName { get; init; }

    /// <summary>Gets the reviewer's verified e-mail, so that the same person under another key counts once.</summary>
    public string? ReviewerEmail { get; init; }

    /// <summary>Gets the reviewer as shown to people.</summary>
    public string DisplayName => ReviewerName ?? Reviewer;

    /// <summary>Gets whether this review was made by <paramref name="reviewer"/> (by key or verified e-mail).</summary>
    public bool IsBy(Principal reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var mine = Principal.NamesOf(Reviewer, ReviewerEmail);
        return reviewer.Names().Any(n => mine.Contains(n, StringComparer.Ordinal))
            || string.Equals(Reviewer, reviewer.Subject, StringComparison.Ordinal);
    }
}
