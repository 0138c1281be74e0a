using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Gateway.AuditApi;

/// <summary>
/// The audit API: <c>GET /api/audit</c> (filters, text search, cursor pages) and <c>GET /api/audit/{id}</c>, plus the
/// OpenAPI document of the admin API at <c>/api/openapi.json</c>.
/// </summary>
/// <remarks>
/// Callers are identified like any other (OIDC token or API key). Admins and auditors read every exchange; anyone else
/// reads only the exchanges they made, a restriction added to the store query itself. Another person's exchange is
/// reported as not found, exactly like one that does not exist, so the API never confirms that it exists. A requester
/// reading their own exchange does not get back what a response hold kept from them (see <see cref="HeldPartFilter"/>).
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
        endpoints.MapOpenApi(OpenApiPath);
    }

    private static async Task SearchAsync(
        HttpContext context,
        [AsParameters] AuditSearchParameters parameters,
        IdentityResolver identity,
        GatehouseConfig config,
        IAuditStore store)
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

        if (!AuditReach.ReadsEveryone(caller, config.Roles))
        {
            if (query.User is { } user && !AuditReach.IsSelf(caller, user))
            {
                await Problem(context, StatusCodes.Status403Forbidden, "audit_forbidden",
                    "You may search only your own exchanges: leave out user, or ask an auditor.");
                return;
            }

            query = query with { Requester = caller.PrincipalNames };
        }

        var page = await store.SearchAsync(query, context.RequestAborted);
        var view = new AuditPageView([.. page.Items.Select(AuditSummaryView.Of)], page.NextCursor);
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(view, AuditApiJsonContext.Default.AuditPageView, cancellationToken: context.RequestAborted);
    }

    private static async Task GetAsync(HttpContext context, string id, IdentityResolver identity, GatehouseConfig config, IAuditStore store)
    {
        if (await CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

        var record = await store.GetExchangeAsync(id, context.RequestAborted);
        var everyone = AuditReach.ReadsEveryone(caller, config.Roles);
        if (record is null || (!everyone && !AuditReach.IsOwn(caller, record.Intent.Identity)))
        {
            await Problem(context, StatusCodes.Status404NotFound, "exchange_not_found", $"There is no exchange '{id}' that you may read.");
            return;
        }

        var entries = store is IExchangeEntryReader reader ? await reader.ReadExchangeEntriesAsync(id, context.RequestAborted) : [];
        var events = entries.Where(e => e.Kind is not (AuditEntryKinds.Intent or AuditEntryKinds.Outcome or AuditEntryKinds.Interrupted))
            .Select(AuditEventView.Of)
            .Select(e => everyone ? e : HeldPartFilter.Withhold(e))
            .ToList();
        var view = everyone || !HeldPartFilter.WasWithheld(record.Outcome)
            ? AuditExchangeView.Of(record, events)
            : AuditExchangeView.Of(HeldPartFilter.Withhold(record), events) with { Withheld = HeldPartFilter.Notice };
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(view, AuditApiJsonContext.Default.AuditExchangeView, cancellationToken: context.RequestAborted);
    }

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
