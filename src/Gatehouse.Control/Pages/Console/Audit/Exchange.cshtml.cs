using System.Text.Encodings.Web;
using System.Text.Json;
using Gatehouse.Control.Console;
using Gatehouse.Control.AuditApi;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gatehouse.Control.Authorization;

namespace Gatehouse.Control.Pages.Console.Audit;

/// <summary>
/// One exchange in full, as <c>GET /api/audit/{id}</c> gives it to the same person (read through the same
/// <see cref="AuditReader"/>): another user's exchange is not found for a developer, as in the API. The proof download
/// gives the bytes of <c>GET /api/audit/{id}/proof</c>.
/// </summary>
internal sealed class AuditExchangeModel(AuditReader reader, GatehouseConfig config) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public AuditExchangeView Exchange { get; private set; } = null!;

    public bool ReadsEveryone { get; private set; }

    /// <summary>Returns an event's details, indented, as recorded.</summary>
    public static string Details(AuditEventView view) => JsonSerializer.Serialize(view?.Details, Indented);

    /// <summary>Returns a tool call's arguments, indented when they are JSON.</summary>
    public static string Arguments(string arguments)
    {
        try
        {
            using var document = JsonDocument.Parse(arguments);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return arguments;
        }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User).Identity;
        var read = await reader.ReadAsync(viewer, id, cancellationToken);
        if (read.Problem is { } problem)
        {
            return new ConsoleProblemResult(problem);
        }

        Exchange = read.Value!;
        ReadsEveryone = RoleCheck.ReadsWholeAudit(viewer, config.Roles);
        return Page();
    }

    /// <summary>Downloads the exchange's inclusion proof: the bytes <c>gatehouse audit prove ID</c> writes.</summary>
    public async Task<IActionResult> OnGetProofAsync(string id, CancellationToken cancellationToken)
    {
        var proof = await reader.ProveAsync(ConsoleUser.From(User).Identity, id, cancellationToken);
        if (proof.Problem is { } problem)
        {
            return new ConsoleProblemResult(problem);
        }

        AuditEndpoints.WriteProofHeaders(Response, id, proof.Value!.Length);
        return new FileContentResult(proof.Value, "application/json");
    }
}
