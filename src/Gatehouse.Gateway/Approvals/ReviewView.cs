namespace Gatehouse.Gateway.Approvals;

/// <summary>One review as the admin API shows it.</summary>
internal sealed record ReviewView(string Reviewer, string Decision, string? Justification, DateTimeOffset At);
