using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Gateway.AuditApi;

/// <summary>
/// The audit API: <c>GET /api/audit</c> (filters, text search, cursor pages), <c>GET /api/audit/{id}</c> and
/// <c>GET /api/audit/{id}/proof</c>, plus the OpenAPI document of the admin API at <c>/api/openapi.json</c>.
/// </summary>
/// <remarks>
/// Callers are identified like any other (OIDC token or API key); what each may read is <see cref="AuditReader"/>'s
/// decision, shared with the console's audit pages.
/// </remarks>
internal static class AuditEndpoints
{
    public const string OpenApiPath = "/api/openapi.json";

    public static void MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("", SearchAsync)
            .WithName("SearchAudit")
            .WithSummary("Finds exchanges, newest first, a page at a time.")
            .Produces<AuditPageView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/{id}", GetAsync)
            .WithName("GetAuditExchange")
            .WithSummary("Returns one exchange in full: masked prompt and response, findings, rules, decision, outcome and approval events.")
            .Produces<AuditExchangeView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        audit.MapGet("/{id}/proof", ProveAsync)
            .WithName("ProveAuditExchange")
            .WithSummary("Returns the inclusion proof of an exchange's entries against the latest signed checkpoint (auditors and admins; the bytes 'gatehouse audit prove' writes).")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        endpoints.MapOpenApi(OpenApiPath);
    }

    private static async Task SearchAsync(
        HttpContext context,
        [AsParameters] AuditSearchParameters parameters,
        IdentityResolver identity,
        AuditReader reader)
    {
        if (await CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

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

    private static async Task GetAsync(HttpContext context, string id, IdentityResolver identity, AuditReader reader)
    {
        if (await CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

        var view = await reader.ReadAsync(caller, id, context.RequestAborted);
        if (view.Problem is { } problem)
        {
            await ProblemWriter.WriteAsync(context.Response, problem, context.RequestAborted);
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(view.Value!, AuditApiJsonContext.Default.AuditExchangeView, cancellationToken: context.RequestAborted);
    }

    private static async Task ProveAsync(HttpContext context, string id, IdentityResolver identity, AuditReader reader)
    {
        if (await CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

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

    private static async Task<GatehouseIdentity?> CallerAsync(HttpContext context, IdentityResolver identity)
    {
        var auth = await identity.AuthenticateAsync(context);
        if (auth.Succeeded)
        {
            return auth.Identity;
        }

        await IdentityResolver.WriteProblemAsync(context, auth.Failure);
        return null;
    }

    private static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "Audit", status, detail), context.RequestAborted);
}
