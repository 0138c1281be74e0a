using Gatehouse.Control.Console;
using Gatehouse.Control.Reviews;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Control.Pages.Console.Reviews;

/// <summary>The decided (or withdrawn) holds and access requests the signed-in person reviewed or asked for, with every review and its justification.</summary>
internal sealed class HistoryModel(InboxReader inbox) : PageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public IReadOnlyList<AccessInboxItem> Access { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User).Principal;
        Items = await inbox.DecidedAsync(viewer, cancellationToken);
        Access = await inbox.DecidedAccessAsync(viewer, cancellationToken);
    }
}
