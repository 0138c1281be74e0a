using Gatehouse.Control.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Control.Pages.Console;

/// <summary>Ends the console session (POST only, with the antiforgery token); a GET changes nothing.</summary>
internal sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect(ConsoleSchemes.PathBase);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleSchemes.Cookie);
        return Redirect(ConsoleSchemes.PathBase + "/signed-out");
    }
}
