using Gatehouse.Control.Console;
using Gatehouse.Control.Reviews;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Control.Pages.Console;

/// <summary>The console's home: who is signed in, their groups and roles, and how much waits in their inbox.</summary>
internal sealed class HomeModel(InboxReader inbox, GatehouseConfig config) : PageModel
{
    public ConsoleUser Viewer { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public int Pending { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Viewer = ConsoleUser.From(User);
        Roles = ConsoleRoles.Of(Viewer, config.Roles);
        Pending = (await inbox.InboxAsync(Viewer.Principal, cancellationToken)).Reviewable;
    }
}
