using System.CommandLine;
using Gatehouse.Audit.Retention;
using Gatehouse.Cli;

namespace Gatehouse.Retention;

/// <summary><c>gatehouse audit hold add|list|release</c>: legal holds that keep records and bodies from retention.</summary>
internal static class HoldCommands
{
    public static Command Create()
    {
        var hold = new Command("hold", "Place, list and release legal holds. A held exchange, or every exchange of a held user, keeps its record and bodies whatever the retention.");
        hold.Subcommands.Add(AddCommand());
        hold.Subcommands.Add(ListCommand());
        hold.Subcommands.Add(ReleaseCommand());
        return hold;
    }

    private static Command AddCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var exchange = new Option<string?>("--exchange") { Description = "Hold one exchange, by id.", HelpName = "ID" };
        var user = new Option<string?>("--user") { Description = "Hold every exchange of a user, by subject or e-mail.", HelpName = "SUBJECT" };
        var reason = new Option<string>("--reason") { Description = "Why (a matter or case reference); recorded in the audit trail.", HelpName = "TEXT", Required = true };
        var by = new Option<string?>("--by") { Description = "Who places the hold. Default: the operating-system user.", HelpName = "NAME" };
        var command = new Command("add", "Place a legal hold; prints its id. The hold is recorded in the audit trail (hold.placed).\n" +
            "Exit codes: 0 placed; 2 invalid command line (exactly one of --exchange and --user, and a reason); 3 the store could not be opened or written.")
        {
            exchange, user, reason, by, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (exchangeId, subject, why) = (parse.GetValue(exchange), parse.GetValue(user), parse.GetValue(reason));
            if (string.IsNullOrWhiteSpace(exchangeId) == string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(why))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("gatehouse: pass exactly one of --exchange ID and --user SUBJECT, and a --reason");
                return ExitCodes.Usage;
            }

            var (target, value) = exchangeId is { Length: > 0 } ? (LegalHoldTarget.Exchange, exchangeId) : (LegalHoldTarget.User, subject!);
            var hold = new LegalHold(
                LegalHold.NewId(), target, value, why,
                parse.GetValue(by) ?? Environment.UserName, TimeProvider.System.GetUtcNow(), null, null);
            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                if (await store.RetentionOrReportAsync(parse.InvocationConfiguration.Error) is not { } holds)
                {
                    return ExitCodes.StoreUnavailable;
                }

                await holds.PlaceHoldAsync(hold, ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(hold.Id);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var all = new Option<bool>("--all") { Description = "Include released holds." };
        var command = new Command("list", "List the active legal holds (with --all, released ones too).\n" + ExitCodes.Help) { all, json, config, db };
        command.SetAction(async (parse, ct) =>
        {
            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                if (await store.RetentionOrReportAsync(parse.InvocationConfiguration.Error) is not { } retention)
                {
                    return ExitCodes.StoreUnavailable;
                }

                var holds = await retention.ListHoldsAsync(parse.GetValue(all), ct);
                await parse.InvocationConfiguration.Output.WriteAsync(parse.GetValue(json) ? RetentionText.Json(holds) + "\n" : RetentionText.Holds(holds));
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command ReleaseCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var id = new Argument<string>("id") { Description = "The hold id, as printed by 'hold add' or 'hold list'." };
        var by = new Option<string?>("--by") { Description = "Who releases the hold. Default: the operating-system user.", HelpName = "NAME" };
        var command = new Command("release", "Release a legal hold; recorded in the audit trail (hold.released). The next retention run may then remove what it kept.\n" +
            "Exit codes: 0 released; 1 no active hold has this id; 2 invalid command line; 3 the store could not be opened or written.")
        {
            id, by, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                if (await store.RetentionOrReportAsync(parse.InvocationConfiguration.Error) is not { } holds)
                {
                    return ExitCodes.StoreUnavailable;
                }

                var released = await holds.ReleaseHoldAsync(
                    parse.GetValue(id)!, parse.GetValue(by) ?? Environment.UserName, TimeProvider.System.GetUtcNow(), ct);
                if (released is null)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: no active hold with id '{parse.GetValue(id)}'");
                    return ExitCodes.CheckFailed;
                }

                await parse.InvocationConfiguration.Output.WriteLineAsync($"released {released.Id}");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
