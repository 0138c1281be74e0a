using System.CommandLine;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Cli;

namespace Gatehouse.AuditCommands;

/// <summary><c>gatehouse audit search|show|verify|...</c>: the audit trail, for people and for scripts.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Search, read and verify the audit trail.");
        audit.Subcommands.Add(SearchCommand());
        audit.Subcommands.Add(ShowCommand());
        audit.Subcommands.Add(VerifyCommand());
        audit.Subcommands.Add(CheckpointCommands.KeygenCommand());
        audit.Subcommands.Add(CheckpointCommands.CheckpointCommand());
        audit.Subcommands.Add(CheckpointCommands.VerifyCheckpointsCommand());
        audit.Subcommands.Add(ProofCommands.ProveCommand());
        audit.Subcommands.Add(ProofCommands.VerifyProofCommand());
        audit.Subcommands.Add(Retention.HoldCommands.Create());
        audit.Subcommands.Add(Retention.RetentionCommands.Create());
        return audit;
    }

    private static Command SearchCommand()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var user = new Option<string?>("--user", "-u") { Description = "The caller's subject or e-mail.", HelpName = "USER" };
        var connection = new Option<string?>("--connection") { Description = "The connection name.", HelpName = "NAME" };
        var model = new Option<string?>("--model", "-m") { Description = "The model requested or answered.", HelpName = "MODEL" };
        var since = new Option<string?>("--since") { Description = "Only exchanges after this: a duration back from now (24h, 7d) or a time (2026-11-25T08:00Z).", HelpName = "WHEN" };
        var until = new Option<string?>("--until") { Description = "Only exchanges before this: a duration back from now or a time.", HelpName = "WHEN" };
        var text = new Option<string?>("--text", "-t") { Description = "Text found in the (masked) prompt or response.", HelpName = "TEXT" };
        var limit = new Option<int>("--limit", "-n") { Description = "The most exchanges to show (1-1000).", DefaultValueFactory = _ => 50 };
        var before = new Option<long?>("--before") { Description = "Continue a previous search: the 'next' value it printed.", HelpName = "CURSOR" };
        var command = new Command("search", "Find exchanges, newest first.\n" + ExitCodes.Help)
        {
            user, connection, model, since, until, text, limit, before, json, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var now = TimeProvider.System.GetUtcNow();
            if (!TimeArgument.TryParse(parse.GetValue(since), now, out var from) || !TimeArgument.TryParse(parse.GetValue(until), now, out var to))
            {
                await error.WriteLineAsync("gatehouse: --since and --until take a duration back from now (such as 24h or 7d) or a time (such as 2026-11-25T08:00Z)");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(limit) is < 1 or > 1000)
            {
                await error.WriteLineAsync("gatehouse: --limit takes a number from 1 to 1000");
                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var query = new ExchangeQuery
                {
                    User = parse.GetValue(user),
                    Connection = parse.GetValue(connection),
                    Model = parse.GetValue(model),
                    From = from,
                    To = to,
                    Text = parse.GetValue(text),
                    Limit = parse.GetValue(limit),
                    Before = parse.GetValue(before),
                };
                var page = await store.SearchAsync(query, ct);
                var output = parse.InvocationConfiguration.Output;
                await output.WriteAsync(parse.GetValue(json) ? CliJson.Exchanges(page.Items, page.NextBefore) + "\n" : ExchangeText.Table(page));
                return page.Items.Count == 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command ShowCommand()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var id = new Argument<string>("id") { Description = "The exchange id (as printed by search, or the x-gatehouse-exchange response header)." };
        var command = new Command("show", "Show one exchange in full.\n" + ExitCodes.Help) { id, json, config, db };
        command.SetAction(async (parse, ct) =>
        {
            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var record = await store.GetExchangeAsync(parse.GetValue(id)!, ct);
                if (record is null)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: no exchange with id '{parse.GetValue(id)}'");
                    return ExitCodes.CheckFailed;
                }

                await parse.InvocationConfiguration.Output.WriteAsync(parse.GetValue(json) ? CliJson.Exchange(record) + "\n" : ExchangeText.Detail(record));
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command VerifyCommand()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var key = new Option<FileInfo?>("--public-key", "-p") { Description = "The checkpoint public key (PEM): needed once retention has tombstoned records, whose hashes only a signed checkpoint vouches for.", HelpName = "KEY.pub.pem" };
        var command = new Command(
            "verify",
            "Check the whole audit trail: every entry's hash, the chain linking them, every body against its hash, every tombstone against a signed checkpoint, and the stored head. " +
            "Names the first bad entry.\nExit codes: 0 intact; 1 tampered or damaged; 2 invalid command line, configuration or key; 3 the store could not be opened.")
        {
            key, json, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var keyFile = parse.GetValue(key);
            using var verifier = keyFile is null ? null : await KeyFiles.LoadVerifierAsync(parse, keyFile, ct);
            if (keyFile is not null && verifier is null)
            {
                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var result = await new AuditVerifier(store, verifier).VerifyAsync(ct);
                var output = parse.InvocationConfiguration.Output;
                await output.WriteLineAsync(parse.GetValue(json) ? CliJson.Verification(result) : VerificationText.Describe(result));
                return result.IsIntact ? ExitCodes.Success : ExitCodes.CheckFailed;
            });
        });
        return command;
    }
}
