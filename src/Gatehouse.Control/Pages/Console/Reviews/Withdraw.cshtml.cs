using Gatehouse.Control.Console;
using Gatehouse.Gateway.Problems;
using Gatehouse.Control.Reviews;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Control.Pages.Console.Reviews;

/// <summary>
/// Asks the requester to confirm withdrawing their own pending item, shown as the one <see cref="ReviewItem"/> view
/// of <c>GET /api/reviews/{id}</c>; the confirmation posts to the inbox's <c>Cancel</c> handler (antiforgery-checked),
/// which withdraws through the same calls as <c>POST /api/reviews/{id}/cancel</c>. Someone else's item, or one that
/// can no longer be withdrawn, is not found here, whatever the address says.
/// </summary>
internal sealed class WithdrawModel(ReviewItemReader reader) : PageModel
{
    public ReviewItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User).Principal;
        var found = string.IsNullOrEmpty(id) ? null : await reader.FindAsync(id, cancellationToken);
        if (found is null || !ReviewItem.CanSee(found, viewer))
        {
            return NotWithdrawable(id);
        }

        Item = found switch
        {
            Gatehouse.Storage.Grants.AccessGrant g => ReviewItem.Of(g, viewer),
            Gatehouse.Storage.Approvals.ApprovalRequest r => ReviewItem.Of(r, viewer),
            _ => throw new InvalidOperationException("Not a review item."),
        };
        return Item.CanCancel ? Page() : NotWithdrawable(id);
    }

    private static ConsoleProblemResult NotWithdrawable(string? id) => new(new GatehouseProblem(
        "not_found", "Review", StatusCodes.Status404NotFound, $"There is no pending request '{id}' of yours to withdraw."));
}
