using System.Diagnostics;

namespace Gatehouse.CrashTest;

/// <summary>
/// Runs the gateway as a child process under streaming load, kills it with SIGKILL at random moments, restarts it, and
/// checks the audit after every restart.
/// </summary>
/// <remarks>
/// Each cycle: start the gateway and wait until it is ready (start-up recovery has run by then); check that no intent
/// is left without an outcome or interruption entry, that every exchange the client saw complete so far has its intent
/// and its outcome or (when the kill came between the end of its response and the outcome's commit) an interruption
/// entry, and that <c>gatehouse audit verify</c> passes; then drive load for a random time and kill. A last start
/// after the final kill is checked the same way and stopped gracefully.
/// </remarks>
public static class CrashRun
{
    /// <summary>Runs the whole sequence and returns every cycle's figures; writes one progress line per cycle.</summary>
    public static async Task<CrashReport> RunAsync(CrashOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var random = new SeededRandom(options.Seed);
        var total = Stopwatch.StartNew();
        await using var upstream = await StreamingUpstream.StartAsync(options.EventsPerStream, options.EventPause);
        using var workspace = await CrashWorkspace.CreateAsync(options.GatehouseDll, upstream.BaseUri, options.Durability);
        var inspector = new AuditInspector(workspace.DatabasePath);
        using var client = new HttpClient { BaseAddress = workspace.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        var completed = new List<string>();
        var cycles = new List<CycleResult>();
        long interruptedBefore = 0;
        for (var cycle = 1; cycle <= options.Kills + 1; cycle++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = cycle == options.Kills + 1;
            var gateway = await GatewayChild.StartAsync(options.GatehouseDll, workspace.ConfigPath, workspace.BaseUri, workspace.LogPath);
            try
            {
                var interrupted = await inspector.InterruptedAsync();
                var unresolved = await inspector.UnresolvedIntentsAsync();
                var missing = await inspector.WithoutCompleteRecordAsync(completed);
                var outcomeLost = await inspector.OutcomeLostAsync(completed);
                int? verify = options.VerifyEachRestart || last ? await VerifyAsync(options.GatehouseDll, workspace.DatabasePath) : null;
                var load = new StreamingLoad(client, workspace.ApiKey);
                var uptime = TimeSpan.Zero;
                if (!last)
                {
                    uptime = random.Between(options.MinUptime, options.MaxUptime);
                    using var stop = new CancellationTokenSource();
                    var running = load.RunAsync(options.Concurrency, stop.Token);
                    await Task.Delay(uptime, cancellationToken);
                    await gateway.KillAsync();
                    await stop.CancelAsync();
                    await running;
                    completed.AddRange(load.Completed);
                }

                var result = new CycleResult(cycle, interrupted - interruptedBefore, unresolved, missing.Count, outcomeLost, verify, uptime, load.Started, load.Completed.Count, load.Cut);
                interruptedBefore = interrupted;
                cycles.Add(result);
                await progress.WriteLineAsync(Describe(result));
            }
            finally
            {
                await gateway.DisposeAsync();
            }
        }

        return new CrashReport(options, cycles, await inspector.IntentsAsync(), total.Elapsed);
    }

    private static async Task<int> VerifyAsync(string gatehouseDll, string database)
        => (await Cli.RunAsync(gatehouseDll, "audit", "verify", "--db", database)).ExitCode;

    private static string Describe(CycleResult r)
        => $"start {r.Cycle}: recovered {r.Recovered}, unresolved {r.Unresolved}, missing {r.MissingRecords}, outcome lost {r.OutcomeLost}, verify {r.VerifyExit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; " +
           $"load {r.Uptime.TotalMilliseconds:F0} ms: {r.Started} started, {r.Completed} completed, {r.Cut} cut{(r.Passed ? "" : "  << VIOLATION")}";
}
