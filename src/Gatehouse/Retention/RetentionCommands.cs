using System.CommandLine;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Retention;
using Gatehouse.AuditCommands;
using Gatehouse.Cli;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Control.Retention;

namespace Gatehouse.Retention;

/// <summary><c>gatehouse audit retention run</c>: apply the configured retention now, as the gateway's job does.</summary>
internal static class RetentionCommands
{
    public static Command Create()
    {
        var retention = new Command("retention", "Apply the configured retention of bodies and records.");
        retention.Subcommands.Add(RunCommand());
        return retention;
    }

    private static Command RunCommand()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count what would be removed; change and record nothing." };
        var command = new Command("run", "Remove the bodies and tombstone the records older than each connection's retention, except what a legal hold keeps, " +
            "signing a checkpoint that covers every tombstone; the run is recorded in the audit trail (retention.run).\n" +
            "Exit codes: 0 done (or nothing to do); 1 the run failed part-way (what was done stays done and verifies); 2 invalid command line, configuration or key; 3 the store could not be opened or written.")
        {
            dryRun, json, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var loaded = GatehouseConfigLoader.Load(CommonOptions.ResolveConfigPath(parse.GetValue(config)), Environment.GetEnvironmentVariables());
            if (loaded.Config is not { } settings)
            {
                await error.WriteAsync(loaded.FormatErrors());
                return ExitCodes.Usage;
            }

            var plan = RetentionPlans.From(settings);
            if (plan.Connections.Count == 0)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync("retention: every connection keeps bodies and records for ever; nothing to do");
                return ExitCodes.Success;
            }

            // A key in a variable was parsed when the configuration loaded; a key file is read (and reported) here.
            var checkpoints = settings.Audit.Checkpoints;
            using var signer = checkpoints switch
            {
                null => null,
                { KeyPem: { } pem } => CheckpointSigner.FromPem(pem),
                _ => await KeyFiles.LoadSignerAsync(parse, new FileInfo(checkpoints.KeyFile), ct),
            };
            if (checkpoints is not null && signer is null)
            {
                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                if (await store.RetentionOrReportAsync(error) is not { } retentionStore)
                {
                    return ExitCodes.StoreUnavailable;
                }

                var writer = signer is null ? null : new CheckpointWriter(retentionStore, signer, TimeProvider.System,
                    new CheckpointWriterOptions { Directory = settings.Audit.Checkpoints!.Directory });
                try
                {
                    var report = await new RetentionRunner(retentionStore, writer, TimeProvider.System).RunAsync(plan, parse.GetValue(dryRun), ct);
                    await parse.InvocationConfiguration.Output.WriteAsync(parse.GetValue(json) ? RetentionText.Json(report) + "\n" : RetentionText.Report(report));
                    return ExitCodes.Success;
                }
                catch (InvalidOperationException failure)
                {
                    await error.WriteLineAsync($"gatehouse: {failure.Message}");
                    return ExitCodes.CheckFailed;
                }
            });
        });
        return command;
    }
}
