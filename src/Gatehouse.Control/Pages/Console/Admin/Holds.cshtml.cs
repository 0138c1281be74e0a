using Gatehouse.Audit.Retention;
using Gatehouse.Control.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Pages.Console.Admin;

/// <summary>
/// Legal holds: place one on an exchange or on every exchange of a user, and release it. The store records each change
/// in the audit trail (<c>hold.placed</c>, <c>hold.released</c>) as it does for <c>gatehouse audit hold</c>, with the
/// admin's e-mail (or subject) as who placed or released it.
/// </summary>
internal sealed class HoldsModel(IAuditRetentionStore holds, TimeProvider time, ILogger<HoldsModel> logger) : PageModel
{
    /// <summary>The longest reason: 1,000 characters.</summary>
    public const int MaxReason = 1_000;

    public IReadOnlyList<LegalHold> Holds { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? placed, string? released, CancellationToken cancellationToken)
    {
        Notice = placed is not null ? $"Placed legal hold {placed}." : released is not null ? $"Released legal hold {released}." : null;
        Holds = await holds.ListHoldsAsync(includeReleased: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostPlaceAsync(string? target, string? value, string? reason, CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User);
        (value, reason) = (value?.Trim(), reason?.Trim());
        LegalHoldTarget? kind = target switch
        {
            "exchange" => LegalHoldTarget.Exchange,
            "user" => LegalHoldTarget.User,
            _ => null,
        };
        if (kind is null || string.IsNullOrEmpty(value) || string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
        {
            return await RefuseAsync($"Choose what to hold (an exchange id, or a user's subject or e-mail) and give a reason of 1 to {MaxReason} characters (a matter or case reference).", cancellationToken);
        }

        var hold = new LegalHold(LegalHold.NewId(), kind.Value, value, reason, viewer.Email ?? viewer.Subject, time.GetUtcNow(), null, null);
        await holds.PlaceHoldAsync(hold, cancellationToken);
        ConsoleLog.HoldPlaced(logger, viewer.Subject, hold.Id);
        return Redirect($"{ConsoleSchemes.PathBase}/admin/holds?placed={Uri.EscapeDataString(hold.Id)}");
    }

    public async Task<IActionResult> OnPostReleaseAsync(string? id, CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User);
        if (string.IsNullOrWhiteSpace(id) || await holds.ReleaseHoldAsync(id, viewer.Email ?? viewer.Subject, time.GetUtcNow(), cancellationToken) is null)
        {
            return await RefuseAsync($"There is no active legal hold '{id}'.", cancellationToken, StatusCodes.Status404NotFound);
        }

        ConsoleLog.HoldReleased(logger, viewer.Subject, id);
        return Redirect($"{ConsoleSchemes.PathBase}/admin/holds?released={Uri.EscapeDataString(id)}");
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken, int status = StatusCodes.Status400BadRequest)
    {
        Error = message;
        Response.StatusCode = status;
        Holds = await holds.ListHoldsAsync(includeReleased: true, cancellationToken);
        return Page();
    }
}
