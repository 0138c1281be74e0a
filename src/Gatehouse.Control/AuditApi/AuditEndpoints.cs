using Gatehouse.Control.Authorization;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.AuditApi;

/// <summary>
/// The audit API: <c>GET /api/audit</c> (filters, text search, cursor pages), <c>GET /api/audit/{id}</c> and
/// <c>GET /api/audit/{id}/proof</c>, plus the OpenAPI document of the admin API at <c>/api/openapi.json</c>.
/// </summary>
/// <remarks>
/// Callers are identified like any other (OIDC token or API key) and admitted by the control plane's policies (any
/// caller searches and reads, auditors and admins prove); what each may read is <see cref="AuditReader"/>'s decision,
/// shared with the console's audit pages.
/// </remarks>
internal static class AuditEndpoints
{
    public const string OpenApiPath = "/api/openapi.json";

    // Anyone identified may search: the reader restricts a caller without a reading role to their own exchanges.
    private static readonly ForbiddenProblem SearchForbidden = new("audit_forbidden", "Audit", "You may search only your own exchanges: leave out user, or ask an auditor.");

    private static readonly ForbiddenProblem ProofForbidden = new("proof_forbidden", "Audit",
        "Proofs are for auditors and admins: a proof carries every entry of the exchange whole, including what a hold kept from you. Ask an auditor.");

    public static void MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("", SearchAsync)
            .RequireRole(ControlPolicies.Caller, SearchForbidden)
            .WithName("SearchAudit")
            .WithSummary("Finds exchanges, newest first, a page at a time.")
            .Produces<AuditPageView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/{id}", GetAsync)
            .RequireRole(ControlPolicies.Caller, SearchForbidden)
            .WithName("GetAuditExchange")
            .WithSummary("Returns one exchange in full: masked prompt and response, findings, rules, decision, outcome and approval events.")
            .Produces<AuditExchangeView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        audit.MapGet("/{id}/proof", ProveAsync)
            .RequireRole(ControlPolicies.Auditor, ProofForbidden)
            .WithName("ProveAuditExchange")
            .WithSummary("Returns the inclusion proof of an exchange's entries against the latest signed checkpoint (auditors and admins; the bytes 'gatehouse audit prove' writes).")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        // The document describes routes and shapes, no data: readable without a credential, as before.
        endpoints.MapOpenApi(OpenApiPath).AllowAnonymous();
    }

    private static async Task SearchAsync(
        HttpContext context,
        [AsParameters] AuditSearchParameters parameters,
        AuditReader reader)
    {
        var caller = ControlCaller.Of(context);

        var errors = new List<string>();
        var query = AuditQueryBinder.Bind(parameters, context.Request.Query, errors);
        if (errors.Count > 0)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_query", string.Join("; ", errors) + ".");
            return;
        }

        var page = await reader.SearchAsync(caller, query, context.RequestAborted);
        if (page.Problem is { } problem)
        {
            await ProblemWriter.WriteAsync(context.Response, problem, context.RequestAborted);
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(page.Value!, AuditApiJsonContext.Default.AuditPageView, cancellationToken: context.RequestAborted);
    }

    private static async Task GetAsync(HttpContext context, string id, AuditReader reader)
    {
        var caller = ControlCaller.Of(context);

        var view = await reader.ReadAsync(caller, id, context.RequestAborted);
        if (view.Problem is { } problem)
        {
            await ProblemWriter.WriteAsync(context.Response, problem, context.RequestAborted);
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(view.Value!, AuditApiJsonContext.Default.AuditExchangeView, cancellationToken: context.RequestAborted);
    }

    private static async Task ProveAsync(HttpContext context, string id, AuditReader reader)
    {
        var caller = ControlCaller.Of(context);

        var proof = await reader.ProveAsync(caller, id, context.RequestAborted);
        if (proof.Problem is { } problem)
        {
            await ProblemWriter.WriteAsync(context.Response, problem, context.RequestAborted);
            return;
        }

        WriteProofHeaders(context.Response, id, proof.Value!.Length);
        await context.Response.Body.WriteAsync(proof.Value, context.RequestAborted);
    }

    /// <summary>Sets the headers of a proof download: JSON, not cached, saved as <c>{id}.proof.json</c>.</summary>
    public static void WriteProofHeaders(HttpResponse response, string id, int length)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = "application/json";
        response.ContentLength = length;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = ProofFileName(id) }.ToString();
    }

    /// <summary>Returns the file name a proof is saved under.</summary>
    public static string ProofFileName(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')) + ".proof.json";

    private static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "Audit", status, detail), context.RequestAborted);
}
