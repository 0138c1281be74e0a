using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Control.Pages.Console;

/// <summary>The page after sign-out or a failed sign-in; open to anyone.</summary>
internal sealed class SignedOutModel : PageModel
{
    public bool Failed { get; private set; }

    public void OnGet(int? failed) => Failed = failed == 1;
}
