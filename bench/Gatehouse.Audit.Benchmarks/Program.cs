using System.Globalization;
using Gatehouse.Audit.Benchmarks;
using Gatehouse.Audit.Writing;

// Exchange ids are time-ordered (UUIDv7), as the index on them favours; random ids cost more per append.
// Usage: dotnet run -c Release --project bench/Gatehouse.Audit.Benchmarks -- [--records N] [--producers P] [--verify-entries N] [--durability fsync|process]
//        ... -- --provider postgres [--records N] [--producers P]   (GATEHOUSE_BENCH_POSTGRES names the server; see bench/postgres/appends.sh)
//        dotnet run -c Release --project bench/Gatehouse.Audit.Benchmarks -- hash   (BenchmarkDotNet, per-entry CPU cost)
//        dotnet run -c Release --project bench/Gatehouse.Audit.Benchmarks -- merkle [LEAVES]   (Merkle root, proofs, checkpoints)
//        dotnet run -c Release --project bench/Gatehouse.Audit.Benchmarks -- proofs [ENTRIES]  (checkpoints and proofs over SQLite)
//        dotnet run -c Release --project bench/Gatehouse.Audit.Benchmarks -- search [EXCHANGES]  (search latency over a filled log)
//        dotnet run -c Release --project bench/Gatehouse.Audit.Benchmarks -- agent [SESSIONS]  (store bytes per agent exchange, search freshness)
if (args is ["merkle", ..])
{
    MerkleRun.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

if (args is ["hash", ..])
{
    BenchmarkDotNet.Running.BenchmarkRunner.Run<ChainHashBenchmarks>(args: args[1..]);
    return;
}

var directory = Path.Combine(Path.GetTempPath(), "gatehouse-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
try
{
    if (args is ["proofs", ..])
    {
        await ProofStoreRun.RunAsync(directory, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
        return;
    }

    if (args is ["agent", ..])
    {
        await AgentStoreRun.RunAsync(directory, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1);
        return;
    }

    if (args is ["search", ..])
    {
        await SearchRun.RunAsync(directory, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
        return;
    }

    var options = BenchOptions.Parse(args);
    // Baseline in the same run: one commit (one fsync) per record, the design group commit replaces.
    var baselineRecords = Math.Max(options.Producers * 2, options.Records / 20);
    var baseline = await ThroughputRun.RunAsync(directory, baselineRecords, options.Producers, new AuditWriterOptions { MaxBatchSize = 1 }, options.Durability, options.Provider);
    var grouped = await ThroughputRun.RunAsync(directory, options.Records, options.Producers, new AuditWriterOptions(), options.Durability, options.Provider);
    var store = options.Provider == BenchProvider.Postgres ? "postgres, synchronous_commit on" : options.Durability.ToString();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"durable appends ({store}), {options.Producers} producers: group commit {grouped.PerSecond:N0} records/s over {options.Records:N0} ({grouped.PerCpuSecond:N0} per CPU-second); one commit per record {baseline.PerSecond:N0} records/s ({baseline.PerCpuSecond:N0} per CPU-second); ratio {grouped.PerSecond / baseline.PerSecond:N1}x"));

    // The verify run reads a SQLite file; on PostgreSQL only the appends are measured.
    if (options.VerifyEntries > 0 && options.Provider == BenchProvider.Sqlite)
    {
        var (fill, verify, cpu, result) = await VerifyRun.RunAsync(directory, options.VerifyEntries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verify: {result.EntriesChecked:N0} entries in {verify.TotalSeconds:N2} s wall, {cpu.TotalSeconds:N2} s CPU ({result.EntriesChecked / verify.TotalSeconds:N0} entries/s, intact: {result.IsIntact}); fill took {fill.TotalSeconds:N1} s"));
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}
