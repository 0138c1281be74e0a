using System.CommandLine;
using Gatehouse.Audit.Verification;
using Gatehouse.Cli;

namespace Gatehouse.AuditCommands;

/// <summary><c>gatehouse audit search|show|verify|...</c>: the audit trail, for people and for scripts.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Search, read and verify the audit trail.");
        audit.Subcommands.Add(AuditSearchCommand.Create());
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

    private static Command ShowCommand()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var id = new Argument<string>("id") { Description = "The exchange id (as printed by search, or the x-gatehouse-exchange response header)." };
        var command = new Command("show", "Show one exchange in full.\n" + ExitCodes.Help) { id, json, config, db };
        command.SetAction(async (parse, ct) =>
        {
            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var record = await store.Audit.GetExchangeAsync(parse.GetValue(id)!, ct);
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
            "Check the whole audit trail: every entry's hash, the chain linking them, every body against its hash, every tombstone against a signed checkpoint, and the stored head; " +
            "then every API key, approval and grant row against the seal the chain holds for it. Names the first bad entry, and every bad row.\nExit codes: 0 intact; 1 tampered or damaged; 2 invalid command line, configuration or key; 3 the store could not be opened.")
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
                var result = await new AuditVerifier(store.Audit, verifier).VerifyAsync(ct);

                // Seals are only as good as the chain holding them: rows are checked once the chain verified. A provider
                // that cannot check its rows yet says so rather than passing them.
                var rows = result.IsIntact && store.SealedRows is { } seals ? await seals.VerifyRowSealsAsync(ct) : null;
                var output = parse.InvocationConfiguration.Output;
                await output.WriteLineAsync(parse.GetValue(json)
                    ? CliJson.Verification(result, rows)
                    : VerificationText.Describe(result, rows, rowsCheckable: store.SealedRows is not null));
                return result.IsIntact && rows?.IsIntact != false ? ExitCodes.Success : ExitCodes.CheckFailed;
            });
        });
        return command;
    }
}
