using System.CommandLine;
using Gatehouse.Audit.Store;
using Gatehouse.Cli;

namespace Gatehouse.AuditCommands;

/// <summary><c>gatehouse audit search</c>: the same query as <c>GET /api/audit</c>, against the local store.</summary>
internal static class AuditSearchCommand
{
    public static Command Create()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var user = Text("--user", "The requester's subject or e-mail.", "USER", "-u");
        var group = Text("--group", "A group the requester held at the time.", "GROUP");
        var connection = Text("--connection", "The connection name.", "NAME");
        var model = Text("--model", "The model requested or answered.", "MODEL", "-m");
        var decision = Text("--decision", "The decision: allow, deny, hold, ...", "DECISION");
        var rule = Text("--rule", "A policy rule that decided the exchange.", "RULE");
        var finding = Text("--finding", "A masking finding category in the request or response: secret, pii or internal.", "CATEGORY");
        var status = new Option<int?>("--status") { Description = "The HTTP status sent to the client, such as 200 or 403.", HelpName = "CODE" };
        var since = Text("--since", "Only exchanges started at or after this: a duration back from now (24h, 7d) or a time (2026-11-25T08:00Z).", "WHEN");
        var until = Text("--until", "Only exchanges started before this: a duration back from now or a time.", "WHEN");
        var text = Text("--text", "Words or \"quoted phrases\" that must each appear in the masked prompt or response; a trailing * matches a prefix.", "TEXT", "-t");
        var cursor = Text("--cursor", "Continue a previous search: the cursor it printed after 'more:'.", "CURSOR");
        var limit = new Option<int>("--limit", "-n") { Description = $"The most exchanges to show (1-{ExchangeQuery.MaxLimit}).", DefaultValueFactory = _ => ExchangeQuery.DefaultLimit };
        var command = new Command("search", "Find exchanges, newest first; every filter given must match.\n" + ExitCodes.Help)
        {
            user, group, connection, model, decision, rule, finding, status, since, until, text, cursor, limit, json, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var now = TimeProvider.System.GetUtcNow();
            if (!TimeArgument.TryParse(parse.GetValue(since), now, out var from, out var sinceError))
            {
                await error.WriteLineAsync($"gatehouse: --since {sinceError}");
                return ExitCodes.Usage;
            }

            if (!TimeArgument.TryParse(parse.GetValue(until), now, out var to, out var untilError))
            {
                await error.WriteLineAsync($"gatehouse: --until {untilError}");
                return ExitCodes.Usage;
            }

            if (!ExchangeCursor.TryDecode(parse.GetValue(cursor), out var before))
            {
                await error.WriteLineAsync("gatehouse: --cursor takes the cursor a previous search printed, unchanged");
                return ExitCodes.Usage;
            }

            var query = new ExchangeQuery
            {
                User = parse.GetValue(user),
                Group = parse.GetValue(group),
                Connection = parse.GetValue(connection),
                Model = parse.GetValue(model),
                Decision = parse.GetValue(decision),
                Rule = parse.GetValue(rule),
                FindingCategory = parse.GetValue(finding),
                Status = parse.GetValue(status),
                From = from,
                To = to,
                Text = parse.GetValue(text),
                Limit = parse.GetValue(limit),
                Before = before,
            };
            if (query.Validate() is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync($"gatehouse: {problem}");
                }

                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var page = await store.Audit.SearchAsync(query, ct);
                var output = parse.InvocationConfiguration.Output;
                await output.WriteAsync(parse.GetValue(json) ? CliJson.Exchanges(page.Items, page.NextCursor) + "\n" : ExchangeText.Table(page));
                return page.Items.Count == 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
            });
        });
        return command;
    }

    private static Option<string?> Text(string name, string description, string helpName, params string[] aliases)
        => new(name, aliases) { Description = description, HelpName = helpName };
}
