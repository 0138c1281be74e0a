using System.CommandLine;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Proofs;
using Gatehouse.Cli;

namespace Gatehouse.AuditCommands;

/// <summary><c>gatehouse audit prove|verify-proof</c>: evidence of one exchange a third party can check offline.</summary>
internal static class ProofCommands
{
    public static Command ProveCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var id = new Argument<string>("id") { Description = "The exchange id." };
        var key = new Option<FileInfo?>("--key", "-k") { Description = "Sign (and store) a fresh checkpoint with this private key (PEM) and prove against it. Default: the latest stored checkpoint.", HelpName = "KEY.pem" };
        var size = new Option<long?>("--checkpoint") { Description = "Prove against the latest stored checkpoint of this many entries instead of the latest one.", HelpName = "SIZE" };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the proof (JSON) to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("prove", "Write a proof that an exchange's entries are in the signed audit log: each entry's canonical bytes and hash, " +
            "its leaf index and audit path, and the signed checkpoint. Check it with verify-proof and the public key alone.\n" +
            "Exit codes: 0 written; 1 no such exchange, no such checkpoint, or the log no longer matches the checkpoint; 2 invalid command line or key; 3 the store could not be opened.")
        {
            id, key, size, output, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var keyFile = parse.GetValue(key);
            using var signer = keyFile is null ? null : await KeyFiles.LoadSignerAsync(parse, keyFile, ct);
            if (keyFile is not null && signer is null)
            {
                return ExitCodes.Usage;
            }

            if (keyFile is not null && parse.GetValue(size) is not null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("gatehouse: pass --key (sign a new checkpoint) or --checkpoint (use a stored one), not both");
                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var error = parse.InvocationConfiguration.Error;
                var checkpoint = await CheckpointFor(store.Audit, signer, parse.GetValue(size), ct);
                if (checkpoint is null)
                {
                    await error.WriteLineAsync("gatehouse: there is no such stored checkpoint; sign one with 'gatehouse audit checkpoint --key KEY.pem' or pass --key");
                    return ExitCodes.CheckFailed;
                }

                var (proof, problem) = await new ExchangeProver(store.Audit).ProveAsync(parse.GetValue(id)!, checkpoint, ct);
                if (proof is null)
                {
                    await error.WriteLineAsync($"gatehouse: no proof: {Describe(problem)}");
                    return ExitCodes.CheckFailed;
                }

                var json = ExchangeProofJson.Write(proof);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllBytesAsync(file.FullName, json, ct);
                }
                else
                {
                    await parse.InvocationConfiguration.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(json));
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }

    public static Command VerifyProofCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "The proof file written by prove." };
        var key = new Option<FileInfo>("--public-key", "-p") { Description = "The checkpoint public key (PEM).", HelpName = "KEY.pub.pem", Required = true };
        var command = new Command("verify-proof", "Check a proof offline, without the database: the checkpoint signature, each entry's bytes against its hash, " +
            "and each audit path against the signed root.\n" +
            "Exit codes: 0 the proof holds; 1 it does not (or is not a proof); 2 invalid command line, or the file or key cannot be read.")
        {
            file, key,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var verifier = await KeyFiles.LoadVerifierAsync(parse, parse.GetValue(key)!, ct);
            if (verifier is null)
            {
                return ExitCodes.Usage;
            }

            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(parse.GetValue(file)!.FullName, ct);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: cannot read '{parse.GetValue(file)!.FullName}'");
                return ExitCodes.Usage;
            }

            var proof = ExchangeProofJson.Read(bytes);
            var problem = proof is null ? ProofProblem.Malformed : ExchangeProofVerifier.Verify(proof, verifier);
            await parse.InvocationConfiguration.Output.WriteLineAsync(problem == ProofProblem.None
                ? $"valid: exchange {proof!.ExchangeId}, entries {string.Join(", ", proof.Entries.Select(e => e.Sequence))} are in the log of {proof.Checkpoint.TreeSize} entries signed by key {proof.Checkpoint.KeyId} at {proof.Checkpoint.Time:u}"
                : $"INVALID: {Describe(problem)}");
            return problem == ProofProblem.None ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static async Task<Checkpoint?> CheckpointFor(Gatehouse.Audit.Store.IAuditCheckpointStore store, CheckpointSigner? signer, long? size, CancellationToken cancellationToken)
    {
        if (signer is not null)
        {
            var writer = new CheckpointWriter(store, signer, TimeProvider.System, new CheckpointWriterOptions());
            return await writer.WriteAsync(cancellationToken);
        }

        var stored = await store.ReadCheckpointsAsync(cancellationToken);
        return stored.LastOrDefault(c => size is null || c.TreeSize == size);
    }

    private static string Describe(ProofProblem problem) => problem switch
    {
        ProofProblem.NotFound => "the exchange has no entry in the checkpoint's tree",
        ProofProblem.BeyondLog => "the log holds fewer entries than the checkpoint covers",
        ProofProblem.RootMismatch => "the log's Merkle root is not the checkpoint's signed root (the log changed after it was signed)",
        ProofProblem.Malformed => "the file is not a proof",
        ProofProblem.BadSignature => "the checkpoint signature does not verify with this public key",
        ProofProblem.EntryMismatch => "an entry's bytes do not match its hash, sequence or exchange",
        ProofProblem.NotIncluded => "an entry's audit path does not lead to the signed root",
        _ => problem.ToString(),
    };
}
