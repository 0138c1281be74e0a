using Gatehouse.Control.Console;
using Gatehouse.Control.Reviews;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Storage.Approvals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Pages.Console.Reviews;

/// <summary>
/// The review inbox: what waits for the signed-in person, with the held content for those they review, and a form to
/// approve or reject with a justification. Reviews go through <see cref="ApprovalReviews"/> and <see cref="AccessReviews"/>,
/// as the API's do, so the store refuses a requester's own review whatever the page shows.
/// </summary>
internal sealed class InboxModel(InboxReader inbox, ApprovalReviews reviews, AccessReviews access, ILogger<InboxModel> logger) : PageModel
{
    /// <summary>The longest justification accepted: 2,000 characters.</summary>
    public const int MaxJustification = 2_000;

    public InboxView Items { get; private set; } = new([], []);

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? decided, string? decision, CancellationToken cancellationToken)
    {
        if (decided is not null && decision is "approve" or "reject" or "cancel")
        {
            Notice = decision == "cancel" ? $"You withdrew {decided}." : $"You {(decision == "approve" ? "approved" : "rejected")} {decided}.";
        }

        Items = await inbox.InboxAsync(ConsoleUser.From(User).Principal, cancellationToken);
    }

    /// <summary>The list alone, for the page's script to merge new items in without a reload.</summary>
    public async Task<IActionResult> OnGetItemsAsync(CancellationToken cancellationToken)
        => Partial("_Items", await inbox.InboxAsync(ConsoleUser.From(User).Principal, cancellationToken));

    public Task<IActionResult> OnPostReviewAsync(string? id, string? decision, string? justification, CancellationToken cancellationToken)
        => DecideAsync(id, decision, justification, async (viewer, chosen, text) =>
        {
            var result = await reviews.ReviewAsync(id!, viewer.Principal, chosen, text, cancellationToken);
            return result.Error is { } error ? (error, ReviewRefusal.Of(error, id!)) : null;
        }, cancellationToken);

    /// <summary>Approves or rejects an access request, through the same <see cref="AccessReviews"/> as <c>/api/access/requests/{id}/approve</c>.</summary>
    public Task<IActionResult> OnPostReviewAccessAsync(string? id, string? decision, string? justification, CancellationToken cancellationToken)
        => DecideAsync(id, decision, justification, async (viewer, chosen, text) =>
        {
            var result = await access.ReviewAsync(id!, viewer.Principal, chosen, text, cancellationToken);
            return result.Error is { } error ? (error, AccessReviews.Refusal(error, id!)) : null;
        }, cancellationToken);

    /// <summary>
    /// Withdraws the signed-in person's own pending item (a held request or response, or an access request) through the
    /// same <see cref="ApprovalReviews"/> and <see cref="AccessReviews"/> as <c>POST /api/reviews/{id}/cancel</c>; the
    /// store refuses anyone but the requester whatever the page shows.
    /// </summary>
    public async Task<IActionResult> OnPostCancelAsync(string? id, CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User);
        if (string.IsNullOrEmpty(id))
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, "Choose Withdraw on one of your own items.", cancellationToken);
        }

        var error = ReviewItem.IsAccessId(id)
            ? (await access.CancelAsync(id, viewer.Principal, cancellationToken)).Error
            : (await reviews.CancelAsync(id, viewer.Principal, cancellationToken)).Error;
        if (error is { } refused)
        {
            ConsoleLog.ReviewRefused(logger, id, viewer.Subject, refused.Code());
            var (status, detail) = ReviewRefusal.Of(refused, id);
            return await RefuseAsync(status, detail, cancellationToken);
        }

        ConsoleLog.Reviewed(logger, id, viewer.Subject, "cancel");
        return Redirect($"{ConsoleSchemes.PathBase}/reviews?decided={Uri.EscapeDataString(id)}&decision=cancel");
    }

    private async Task<IActionResult> DecideAsync(
        string? id,
        string? decision,
        string? justification,
        Func<ConsoleUser, ReviewDecision, string, Task<(ReviewError Error, (int Status, string Detail) Refusal)?>> review,
        CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User);
        ReviewDecision? chosen = ReviewNames.TryParseDecision(decision, out var parsed) ? parsed : null;
        justification = justification?.Trim();
        if (string.IsNullOrEmpty(id) || chosen is null)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, "Choose Approve or Reject on one item.", cancellationToken);
        }

        if (string.IsNullOrEmpty(justification) || justification.Length > MaxJustification)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, $"Write a justification of 1 to {MaxJustification} characters: it is recorded in the audit trail with your decision.", cancellationToken);
        }

        if (await review(viewer, chosen.Value, justification) is { } refused)
        {
            ConsoleLog.ReviewRefused(logger, id, viewer.Subject, refused.Error.Code());
            return await RefuseAsync(refused.Refusal.Status, refused.Refusal.Detail, cancellationToken);
        }

        ConsoleLog.Reviewed(logger, id, viewer.Subject, decision!);
        return Redirect($"{ConsoleSchemes.PathBase}/reviews?decided={Uri.EscapeDataString(id)}&decision={decision}");
    }

    private async Task<IActionResult> RefuseAsync(int status, string message, CancellationToken cancellationToken)
    {
        Error = message;
        Items = await inbox.InboxAsync(ConsoleUser.From(User).Principal, cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
