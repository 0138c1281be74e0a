using System.Diagnostics;
using System.Globalization;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Proofs;
using Gatehouse.Storage.Sqlite;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>Times checkpoints and proofs against a SQLite log of N entries, as the gateway and the CLI run them.</summary>
internal static class ProofStoreRun
{
    public static async Task RunAsync(string directory, int entries)
    {
        await using var store = SqliteStore.Open(Path.Combine(directory, "proofs.db"));
        var fill = Stopwatch.StartNew();
        await LogFill.FillAsync(store, entries);
        fill.Stop();

        var (privatePem, publicPem) = CheckpointKeys.Generate();
        using var signer = CheckpointSigner.FromPem(privatePem);
        using var verifier = CheckpointVerifier.FromPem(publicPem);
        var writer = new CheckpointWriter(store, signer, TimeProvider.System, new CheckpointWriterOptions());

        var clock = Stopwatch.StartNew();
        var checkpoint = await writer.WriteAsync(CancellationToken.None);
        var first = clock.Elapsed;

        await LogFill.FillAsync(store, 10_000);
        clock.Restart();
        checkpoint = await writer.WriteAsync(CancellationToken.None);
        var next = clock.Elapsed;

        clock.Restart();
        var audit = await new CheckpointAudit(store, verifier).VerifyAsync(CancellationToken.None);
        var audited = clock.Elapsed;

        clock.Restart();
        var id = (entries / 2).ToString(CultureInfo.InvariantCulture);
        var (proof, problem) = await new ExchangeProver(store).ProveAsync(id, checkpoint, CancellationToken.None);
        var proved = clock.Elapsed;

        clock.Restart();
        var check = ExchangeProofVerifier.Verify(ExchangeProofJson.Read(ExchangeProofJson.Write(proof!))!, verifier);
        var verified = clock.Elapsed;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            checkpoints and proofs over SQLite, {checkpoint.TreeSize:N0} entries (fill {fill.Elapsed.TotalSeconds:N1} s):
              first checkpoint (reads every stored hash): {first.TotalMilliseconds:N0} ms; next after 10,000 more entries: {next.TotalMilliseconds:N0} ms
              verify-checkpoints (recomputes every entry hash): {audited.TotalSeconds:N2} s ({audit.CheckpointsChecked} checkpoints, intact: {audit.IsIntact})
              prove one exchange (reads and rehashes the log up to the checkpoint): {proved.TotalSeconds:N2} s ({problem})
              verify-proof (parse, signature, {proof!.Entries.Count} entries): {verified.TotalMilliseconds:N2} ms ({check})
            """));
    }
}
