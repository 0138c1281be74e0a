using Gatehouse.Control.Console;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Storage.Keys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Pages.Console.Admin;

/// <summary>
/// API keys: the list (never a secret), a form to create one (its key is shown in the answer to that form only) and
/// revocation, through <see cref="ApiKeyAdministration"/> over the gateway's key store, so a revoked key is refused at
/// once by this gateway.
/// </summary>
internal sealed class KeysModel(ApiKeyAdministration keys, TimeProvider time, ILogger<KeysModel> logger) : PageModel
{
    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];

    public IssuedApiKey? Created { get; private set; }

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public string? Groups { get; set; }

    [BindProperty]
    public string? Expires { get; set; } = ApiKeyAdministration.DefaultExpiry;

    public async Task OnGetAsync(string? revoked, CancellationToken cancellationToken)
    {
        Notice = revoked is null ? null : $"Revoked '{revoked}': the gateway refuses it from now on.";
        Keys = await keys.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User);
        var (issued, error) = await keys.CreateAsync(Name, Owner, Groups, Expires, viewer.Email ?? viewer.Subject, cancellationToken);
        if (issued is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            ConsoleLog.KeyCreated(logger, viewer.Subject, issued.Record.Name, issued.Record.Id);
            Created = issued;
            (Name, Owner, Groups, Expires) = (null, null, null, ApiKeyAdministration.DefaultExpiry);
        }

        Keys = await keys.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? key, CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User);
        if (string.IsNullOrWhiteSpace(key) || !await keys.RevokeAsync(key, viewer.Email ?? viewer.Subject, cancellationToken))
        {
            Error = $"There is no active key named or with id '{key}'.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            Keys = await keys.ListAsync(cancellationToken);
            return Page();
        }

        ConsoleLog.KeyRevoked(logger, viewer.Subject, key);
        return Redirect($"{ConsoleSchemes.PathBase}/admin/keys?revoked={Uri.EscapeDataString(key)}");
    }
}
