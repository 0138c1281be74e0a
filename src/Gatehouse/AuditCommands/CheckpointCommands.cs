using System.CommandLine;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Cli;

namespace Gatehouse.AuditCommands;

/// <summary><c>gatehouse audit keygen|checkpoint|verify-checkpoints</c>: signed checkpoints of the audit log's Merkle tree.</summary>
internal static class CheckpointCommands
{
    public static Command KeygenCommand()
    {
        var output = new Option<FileInfo>("--out", "-o") { Description = "Where to write the private key (PEM, mode 0600); the public key goes beside it as NAME.pub.pem.", HelpName = "KEY.pem", Required = true };
        var command = new Command("keygen", "Create an ECDSA P-256 key pair for signing checkpoints. Prints the public key and its id.\n" +
            "Exit codes: 0 success; 2 invalid command line, or a key file already exists or cannot be written.")
        {
            output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!.FullName;
            var publicPath = KeyFiles.PublicKeyPathFor(path);
            var (privatePem, publicPem) = CheckpointKeys.Generate();
            try
            {
                if (File.Exists(publicPath))
                {
                    throw new IOException("exists");
                }

                KeyFiles.WritePrivateKey(path, privatePem);
                await File.WriteAllTextAsync(publicPath, publicPem, ct);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: cannot create '{path}' and '{publicPath}' (they must not exist yet)");
                return ExitCodes.Usage;
            }

            using var verifier = CheckpointVerifier.FromPem(publicPem);
            await parse.InvocationConfiguration.Output.WriteAsync($"key id {verifier.KeyId}\nprivate key {path}\npublic key {publicPath}\n{publicPem}\n");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CheckpointCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var key = new Option<FileInfo>("--key", "-k") { Description = "The private key (PEM) to sign with.", HelpName = "KEY.pem", Required = true };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the checkpoint as a note file into this directory (for example WORM storage).", HelpName = "DIR" };
        var command = new Command("checkpoint", "Sign a checkpoint of the audit log now: its size and Merkle root, stored beside the log and printed.\n" +
            "Exit codes: 0 signed; 1 the log has a gap and cannot be signed; 2 invalid command line or key; 3 the store could not be opened or written.")
        {
            key, output, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var signer = await KeyFiles.LoadSignerAsync(parse, parse.GetValue(key)!, ct);
            if (signer is null)
            {
                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var writer = new CheckpointWriter(store.Audit, signer, TimeProvider.System, new CheckpointWriterOptions { Directory = parse.GetValue(output) });
                try
                {
                    var checkpoint = await writer.WriteAsync(ct);
                    await parse.InvocationConfiguration.Output.WriteAsync(CheckpointText.FormatNote(checkpoint));
                    return ExitCodes.Success;
                }
                catch (InvalidOperationException error)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: {error.Message}");
                    return ExitCodes.CheckFailed;
                }
            });
        });
        return command;
    }

    public static Command VerifyCheckpointsCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var key = new Option<FileInfo>("--public-key", "-p") { Description = "The checkpoint public key (PEM).", HelpName = "KEY.pub.pem", Required = true };
        var command = new Command("verify-checkpoints", "Check every stored checkpoint: its signature, that its root is the log's Merkle root at its size (recomputed from the entries), " +
            "and that sizes never shrink. Names the first bad checkpoint.\n" +
            "Exit codes: 0 every checkpoint holds; 1 a checkpoint does not hold; 2 invalid command line or key; 3 the store could not be opened.")
        {
            key, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var verifier = await KeyFiles.LoadVerifierAsync(parse, parse.GetValue(key)!, ct);
            if (verifier is null)
            {
                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var result = await new CheckpointAudit(store.Audit, verifier).VerifyAsync(ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(result.IsIntact
                    ? $"intact: {result.CheckpointsChecked} checkpoints hold over {result.EntriesRead} entries"
                    : $"NOT INTACT: the checkpoint of {result.FirstBad!.TreeSize} entries signed at {result.FirstBad.Time:u}: {Describe(result.Problem)} ({result.CheckpointsChecked} checkpoints before it hold)");
                return result.IsIntact ? ExitCodes.Success : ExitCodes.CheckFailed;
            });
        });
        return command;
    }

    private static string Describe(CheckpointProblem problem) => problem switch
    {
        CheckpointProblem.BadSignature => "its signature does not verify with this public key",
        CheckpointProblem.Inconsistent => "it covers fewer entries than the checkpoint before it",
        CheckpointProblem.BeyondLog => "the log holds fewer entries than it covers (the tail was cut)",
        CheckpointProblem.RootMismatch => "the log's Merkle root at its size is not the signed root (an entry was edited, deleted or re-sealed)",
        _ => problem.ToString(),
    };
}
