using Gatehouse.Control.Console;
using Gatehouse.Control.AuditApi;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gatehouse.Control.Authorization;

namespace Gatehouse.Control.Pages.Console.Audit;

/// <summary>
/// Audit search: every filter of <c>GET /api/audit</c> and full text, a page at a time. The query string is the API's,
/// bound by the API's <see cref="AuditQueryBinder"/> and read through the API's <see cref="AuditReader"/>, so a developer
/// finds only their own exchanges and an auditor every one.
/// </summary>
internal sealed class AuditSearchModel(AuditReader reader, GatehouseConfig config) : PageModel
{
    public AuditPageView? Results { get; private set; }

    public string? Error { get; private set; }

    public bool ReadsEveryone { get; private set; }

    public bool Searched { get; private set; }

    /// <summary>Returns the value of a filter as the request gave it, to fill the form back in.</summary>
    public string Value(string name) => Request.Query[name].ToString();

    /// <summary>Returns the link to the next page: this query with the next page's cursor.</summary>
    public string NextLink(string cursor)
    {
        var query = Request.Query.Where(p => p.Key != "cursor" && !string.IsNullOrEmpty(p.Value))
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value.ToString()))
            .Append("cursor=" + Uri.EscapeDataString(cursor));
        return ConsoleSchemes.PathBase + "/audit?" + string.Join("&", query);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = ConsoleUser.From(User).Identity;
        ReadsEveryone = RoleCheck.ReadsWholeAudit(viewer, config.Roles);
        var parameters = new AuditSearchParameters
        {
            User = Request.Query["user"],
            Group = Request.Query["group"],
            Connection = Request.Query["connection"],
            Model = Request.Query["model"],
            Decision = Request.Query["decision"],
            Rule = Request.Query["rule"],
            Finding = Request.Query["finding"],
            Status = Request.Query["status"],
            From = Request.Query["from"],
            To = Request.Query["to"],
            Text = Request.Query["text"],
            Cursor = Request.Query["cursor"],
            Limit = Request.Query["limit"],
        };
        var errors = new List<string>();
        var query = AuditQueryBinder.Bind(parameters, Request.Query, errors);
        Searched = Request.Query.Count > 0;
        if (errors.Count > 0)
        {
            Error = string.Join("; ", errors) + ".";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var page = await reader.SearchAsync(viewer, query, cancellationToken);
        if (page.Problem is { } problem)
        {
            Error = problem.Detail;
            Response.StatusCode = problem.Status;
            return;
        }

        Results = page.Value;
    }
}
