using Gatehouse.Control.Console;
using Gatehouse.Control.Reviews;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Control.Pages.Console.Reviews;

/// <summary>The decided items the signed-in person reviewed or asked for, with every review and its justification.</summary>
internal sealed class HistoryModel(InboxReader inbox) : PageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Items = await inbox.DecidedAsync(ConsoleUser.From(User).Principal, cancellationToken);
}
