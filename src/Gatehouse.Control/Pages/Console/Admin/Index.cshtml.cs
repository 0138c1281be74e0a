using Gatehouse.Audit.Checkpoints;
using Gatehouse.Control.Admin;
using Gatehouse.Control.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Pages.Console.Admin;

/// <summary>The admin overview: signed checkpoints and the last verification, export sinks with their lag, connections with their health.</summary>
internal sealed class AdminModel(AdminStatus status, CheckpointVerifications verifications, ILogger<AdminModel> logger) : PageModel
{
    public IReadOnlyList<Checkpoint> Checkpoints { get; private set; } = [];

    public IReadOnlyList<SinkLag> Sinks { get; private set; } = [];

    public IReadOnlyList<ConnectionHealth> Connections { get; private set; } = [];

    public CheckpointVerification? Verification => verifications.Last;

    public bool CanVerify => verifications.Configured;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Checkpoints = await status.CheckpointsAsync(cancellationToken);
        Sinks = await status.SinksAsync(cancellationToken);
        Connections = await status.ConnectionsAsync(cancellationToken);
    }

    /// <summary>Checks every stored checkpoint against the log now (reads the whole log).</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User);
        if (await verifications.VerifyAsync(viewer.Email ?? viewer.Subject, cancellationToken) is { } result)
        {
            ConsoleLog.CheckpointsVerified(logger, viewer.Subject, result.Result.IsIntact);
        }

        return Redirect(ConsoleSchemes.PathBase + "/admin");
    }
}
