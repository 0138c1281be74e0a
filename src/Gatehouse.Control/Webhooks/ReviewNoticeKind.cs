using Gatehouse.Gateway.Webhooks;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// What a webhook says differently of a held request (an approval) and of an access request (a grant): the events,
/// the JSON object's name, where the item is found, the CLI noun that decides it and the Slack headlines.
/// </summary>
/// <remarks>Data, not code: both kinds go through the same notice and the same writer per format.</remarks>
internal sealed class ReviewNoticeKind
{
    /// <summary>A held request or response.</summary>
    public static readonly ReviewNoticeKind Approval = new()
    {
        Target = ReviewTarget.Approval,
        Name = "approval",
        RequestedEvent = WebhookEvents.ApprovalRequested,
        ResolvedEvent = WebhookEvents.ApprovalResolved,
        ApiPath = "/api/approvals/",
        Command = "approvals",
        OpenLabel = "Open approval",
        ReportsEnd = false,
        Headlines = new Dictionary<string, string>
        {
            ["pending"] = "Approval requested",
            ["approved"] = "Approval granted",
            ["rejected"] = "Approval rejected",
            ["timed_out"] = "Approval timed out",
            ["cancelled"] = "Approval withdrawn",
        },
    };

    /// <summary>A just-in-time access request.</summary>
    public static readonly ReviewNoticeKind Grant = new()
    {
        Target = ReviewTarget.Grant,
        Name = "grant",
        RequestedEvent = WebhookEvents.GrantRequested,
        ResolvedEvent = WebhookEvents.GrantResolved,
        ApiPath = "/api/access/requests/",
        Command = "access",
        OpenLabel = null,
        ReportsEnd = true,
        Headlines = new Dictionary<string, string>
        {
            ["pending"] = "Access requested",
            ["approved"] = "Access granted",
            ["rejected"] = "Access request rejected",
            ["timed_out"] = "Access request timed out",
            ["cancelled"] = "Access request withdrawn",
            ["revoked"] = "Access revoked",
        },
    };

    private ReviewNoticeKind()
    {
    }

    /// <summary>Gets the review events this kind's notices are about.</summary>
    public required ReviewTarget Target { get; init; }

    /// <summary>Gets the JSON object's name: <c>approval</c> or <c>grant</c>.</summary>
    public required string Name { get; init; }

    public required string RequestedEvent { get; init; }

    public required string ResolvedEvent { get; init; }

    /// <summary>Gets the API path an item's id is appended to, from the public base.</summary>
    public required string ApiPath { get; init; }

    /// <summary>Gets the CLI command group that decides an item: <c>gatehouse {Command} approve ID</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Gets the label of the Slack button that opens a pending item; null for no button.</summary>
    public required string? OpenLabel { get; init; }

    /// <summary>Gets whether the JSON object carries <c>endsAt</c> (when approved access ends).</summary>
    public required bool ReportsEnd { get; init; }

    private IReadOnlyDictionary<string, string> Headlines { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the state a review event leaves an item in, as notices name it; null for a change that resolves nothing (one review of several).</summary>
    public static string? StateOf(ReviewEventKind kind) => kind switch
    {
        ReviewEventKind.Requested => "pending",
        ReviewEventKind.Approved => "approved",
        ReviewEventKind.Rejected => "rejected",
        ReviewEventKind.TimedOut => "timed_out",
        ReviewEventKind.Cancelled => "cancelled",
        ReviewEventKind.Revoked => "revoked",
        _ => null,
    };

    /// <summary>Gets the Slack headline of an item in <paramref name="state"/>.</summary>
    public string Headline(string state) => Headlines.TryGetValue(state, out var headline) ? headline : state;
}
