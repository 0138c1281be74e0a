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
    public static readonly ReviewNoticeKind Approval = new(
        ReviewTarget.Approval, "approval", WebhookEvents.ApprovalRequested, WebhookEvents.ApprovalResolved, "/api/approvals/", "approvals", "Open approval", reportsEnd: false,
        [("pending", "Approval requested"), ("approved", "Approval granted"), ("rejected", "Approval rejected"), ("timed_out", "Approval timed out"), ("cancelled", "Approval withdrawn")]);

    /// <summary>A just-in-time access request.</summary>
    public static readonly ReviewNoticeKind Grant = new(
        ReviewTarget.Grant, "grant", WebhookEvents.GrantRequested, WebhookEvents.GrantResolved, "/api/access/requests/", "access", openLabel: null, reportsEnd: true,
        [("pending", "Access requested"), ("approved", "Access granted"), ("rejected", "Access request rejected"), ("timed_out", "Access request timed out"),
         ("cancelled", "Access request withdrawn"), ("revoked", "Access revoked")]);

    private readonly IReadOnlyDictionary<string, string> _headlines;

    private ReviewNoticeKind(
        ReviewTarget target, string name, string requestedEvent, string resolvedEvent, string apiPath, string command, string? openLabel, bool reportsEnd,
        IEnumerable<(string State, string Headline)> headlines)
    {
        Target = target;
        Name = name;
        RequestedEvent = requestedEvent;
        ResolvedEvent = resolvedEvent;
        ApiPath = apiPath;
        Command = command;
        OpenLabel = openLabel;
        ReportsEnd = reportsEnd;
        _headlines = headlines.ToDictionary(h => h.State, h => h.Headline, StringComparer.Ordinal);
    }

    /// <summary>Gets the review events this kind's notices are about.</summary>
    public ReviewTarget Target { get; }

    /// <summary>Gets the JSON object's name: <c>approval</c> or <c>grant</c>.</summary>
    public string Name { get; }

    public string RequestedEvent { get; }

    public string ResolvedEvent { get; }

    /// <summary>Gets the API path an item's id is appended to, from the public base.</summary>
    public string ApiPath { get; }

    /// <summary>Gets the CLI command group that decides an item: <c>gatehouse {Command} approve ID</c>.</summary>
    public string Command { get; }

    /// <summary>Gets the label of the Slack button that opens a pending item; null for no button.</summary>
    public string? OpenLabel { get; }

    /// <summary>Gets whether the JSON object carries <c>endsAt</c> (when approved access ends).</summary>
    public bool ReportsEnd { get; }

    /// <summary>Gets the state a review event leaves an item in, as notices name it; null for a change that resolves nothing (one review of several).</summary>
    public static string? StateOf(ReviewEventKind kind) => kind switch
    {
        ReviewEventKind.Requested => ReviewNames.State(ReviewState.Pending),
        ReviewEventKind.Reviewed => null,
        _ => ReviewNames.Event(kind),
    };

    /// <summary>Gets the Slack headline of an item in <paramref name="state"/>.</summary>
    public string Headline(string state) => _headlines.TryGetValue(state, out var headline) ? headline : state;
}
