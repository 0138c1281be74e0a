using System.CommandLine;
using Gatehouse.Cli;

namespace Gatehouse.Approvals;

/// <summary>
/// <c>gatehouse approvals list|show|approve|reject</c>: the reviewers' API from a terminal. It talks to a running gateway
/// as the reviewer whose token it is given, so the same rules apply as through the API (never one's own request).
/// </summary>
internal static class ApprovalsCommand
{
    public static Command Create()
    {
        var api = new GatewayApi();
        var approvals = new Command("approvals", "Review requests held for approval, through a running gateway's /api/approvals.");
        var state = new Option<string>("--state") { Description = "pending, approved, rejected, timed_out or all.", DefaultValueFactory = _ => "pending" };
        var list = api.With(new Command("list", "List the approval requests you may review or made.\n" + GatewayApi.Codes) { state });
        list.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Get, $"api/approvals?state={Uri.EscapeDataString(parse.GetValue(state)!)}", null, ApprovalText.Describe, ct));

        var id = new Argument<string>("id") { Description = "The approval id (apr_...)." };
        var show = api.With(new Command("show", "Show one approval request and its reviews.\n" + GatewayApi.Codes) { id });
        show.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Get, $"api/approvals/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, ApprovalText.Describe, ct));

        approvals.Subcommands.Add(list);
        approvals.Subcommands.Add(show);
        approvals.Subcommands.Add(Review(api, "approve", id, "api/approvals", ApprovalText.Describe));
        approvals.Subcommands.Add(Review(api, "reject", id, "api/approvals", ApprovalText.Describe));
        return approvals;
    }

    /// <summary>Builds <c>approve</c> or <c>reject</c> with <c>--justification</c>, posting to <c>{collection}/{id}/{decision}</c>.</summary>
    public static Command Review(GatewayApi api, string decision, Argument<string> id, string collection, Func<string, string> describe)
    {
        var justification = new Option<string?>("--justification", "-m") { Description = "Why; recorded in the audit trail.", HelpName = "TEXT" };
        var command = api.With(new Command(decision, $"{char.ToUpperInvariant(decision[0])}{decision[1..]} a request as yourself.\n" + GatewayApi.Codes) { id, justification });
        command.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Post,
            $"{collection}/{Uri.EscapeDataString(parse.GetValue(id)!)}/{decision}",
            new Dictionary<string, string?> { ["justification"] = parse.GetValue(justification) },
            describe, ct));
        return command;
    }
}
