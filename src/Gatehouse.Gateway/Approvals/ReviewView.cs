namespace Gatehouse.Gateway.Approvals;

/// <summary>One review as the admin API shows it.</summary>
internal sealed record ReviewView(string Reviewer, string Decision, string? Justification, DateTimeOffset At)
{
    public static ReviewView Of(Gatehouse.Storage.Approvals.Review review) => new(
        review.DisplayName, Gatehouse.Storage.Approvals.ReviewNames.Decision(review.Decision), review.Justification, review.At);
}
