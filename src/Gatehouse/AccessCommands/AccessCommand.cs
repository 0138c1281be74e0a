using System.CommandLine;
using Gatehouse.Approvals;
using Gatehouse.Cli;

namespace Gatehouse.AccessCommands;

/// <summary>
/// <c>gatehouse access request|list|show|approve|reject|revoke</c>: just-in-time access to a connection through a
/// running gateway's <c>/api/access</c>, as the person whose token it is given.
/// </summary>
internal static class AccessCommand
{
    private const string Requests = "api/access/requests";

    public static Command Create()
    {
        var api = new GatewayApi();
        var access = new Command("access", "Ask for, review and revoke time-bound access to a connection, through a running gateway's /api/access.");
        access.Subcommands.Add(Request(api));

        var state = new Option<string>("--state") { Description = "pending, active, expired, revoked, rejected, timed_out or all.", DefaultValueFactory = _ => "all" };
        var list = api.With(new Command("list", "List the access requests you made or may review, newest first.\n" + GatewayApi.Codes) { state });
        list.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Get, $"{Requests}?state={Uri.EscapeDataString(parse.GetValue(state)!)}", null, AccessText.Describe, ct));
        access.Subcommands.Add(list);

        var id = new Argument<string>("id") { Description = "The request's id (grt_...)." };
        var show = api.With(new Command("show", "Show one access request, its reviews and when the access ends.\n" + GatewayApi.Codes) { id });
        show.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Get, $"{Requests}/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, AccessText.Describe, ct));
        access.Subcommands.Add(show);

        access.Subcommands.Add(ApprovalsCommand.Review(api, "approve", id, Requests, AccessText.Describe));
        access.Subcommands.Add(ApprovalsCommand.Review(api, "reject", id, Requests, AccessText.Describe));

        var revoke = api.With(new Command("revoke", "End active access now (its requester or one of its reviewers).\n" + GatewayApi.Codes) { id });
        revoke.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Post, $"{Requests}/{Uri.EscapeDataString(parse.GetValue(id)!)}/revoke", null, AccessText.Describe, ct));
        access.Subcommands.Add(revoke);
        return access;
    }

    private static Command Request(GatewayApi api)
    {
        var connection = new Option<string>("--connection") { Description = "The connection you need.", HelpName = "NAME", Required = true };
        var duration = new Option<string>("--for") { Description = "For how long once approved, such as 30m or 2h (at most the connection's maxDuration; the duration grammar of docs/configuration.md).", HelpName = "DURATION", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why; the reviewers decide on it and the audit keeps it.", HelpName = "TEXT", Required = true };
        var command = api.With(new Command("request", "Ask for time-bound access to a connection; reviewers approve or reject it.\n" + GatewayApi.Codes)
        {
            connection, duration, reason,
        });
        command.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Post, Requests,
            new Dictionary<string, string?>
            {
                ["connection"] = parse.GetValue(connection),
                ["duration"] = parse.GetValue(duration),
                ["reason"] = parse.GetValue(reason),
            },
            AccessText.Describe,
            ct));
        return command;
    }
}
