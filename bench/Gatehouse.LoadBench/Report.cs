using System.Globalization;
using System.Text;

namespace Gatehouse.LoadBench;

/// <summary>Writes a run as the markdown section of docs/benchmarks.md.</summary>
internal static class Report
{
    private const double P99AddedTargetMs = 1.0;
    private const double ThroughputTarget = 0.7;
    private const double AuditTarget = 20_000;

    public static string Markdown(RunSummary run)
    {
        var o = run.Options;
        var md = new StringBuilder();
        Line(md, "## Gateway load: direct, bare YARP and Gatehouse on one fake upstream");
        Line(md, "");
        Line(md, $"Measured {run.Date:yyyy-MM-dd HH:mm} UTC on {run.Machine}, with {run.WrkVersion}.");
        Line(md, $"Command: `{o.Command ?? "bench/load/run.sh"}`");
        Line(md, "");
        Line(md, $"Every target gets the same closed-loop load from wrk ({o.Threads} threads, keep-alive connections, each sending its next " +
            $"request when the previous answer arrives): a small chat request POSTed to `chat/completions` (Gatehouse connection kind " +
            $"`{o.Kind}`), answered with {(o.Stream ? "server-sent events" : "one JSON completion")} carrying {o.BodySize} bytes of text. " +
            "Two passes, each over the three targets in turn, each target warmed up first. Latencies in milliseconds; \"added\" is the " +
            "target's percentile minus direct's in the same pass; server CPU is the CPU time (user + system) of the process answering " +
            "the client per request: the upstream for direct, the proxy process otherwise (whose upstream costs direct's figure again).");
        Table(md, run.Load);
        Table(md, run.Latency);
        Line(md, "");
        Targets(md, run);
        Line(md, "");
        Audit(md, run);
        Line(md, "");
        Method(md);
        return md.ToString();
    }

    private static void Table(StringBuilder md, PassResult pass)
    {
        var p = pass.Pass;
        Line(md, "");
        Line(md, $"**{p.Name}**: {p.Concurrency} connection{(p.Concurrency == 1 ? "" : "s")}, {p.Warmup.TotalSeconds:0.#} s warm-up, {p.Duration.TotalSeconds:0.#} s measured.");
        Line(md, "");
        Line(md, "| target | requests/s | p50 | p90 | p99 | added p50 | added p99 | requests/s vs bare YARP | server CPU per request | errors |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { pass.Direct, pass.Yarp, pass.Gatehouse })
        {
            var added = r == pass.Direct ? ("-", "-") : (Signed(r.P50 - pass.Direct.P50), Signed(r.P99 - pass.Direct.P99));
            Line(md, $"| {r.Target} | {r.PerSecond:N0} | {Ms(r.P50)} | {Ms(r.P90)} | {Ms(r.P99)} | {added.Item1} | {added.Item2} | " +
                $"{r.PerSecond / pass.Yarp.PerSecond:N2}x | {r.CpuPerRequest:N0} µs | {r.Errors} |");
        }
    }

    private static void Targets(StringBuilder md, RunSummary run)
    {
        var (load, one) = (run.Load, run.Latency);
        var ratio = load.Gatehouse.PerSecond / load.Yarp.PerSecond;
        var audit = run.AuditBenchmarkPerSecond();
        Line(md, "Targets (issue 2):");
        Line(md, $"- p99 added over direct <= {P99AddedTargetMs:N0} ms: {P99Verdict(load)} at {load.Pass.Concurrency} connections; " +
            $"{P99Verdict(one)} over one connection.");
        Line(md, $"- throughput >= {ThroughputTarget:N1}x bare YARP at {load.Pass.Concurrency} connections: {ratio:N2}x, " +
            (ratio >= ThroughputTarget ? "**met**." : $"**not met**, {(ThroughputTarget - ratio) * load.Yarp.PerSecond:N0} requests/s short."));
        Line(md, $"- durable audit >= {AuditTarget:N0} records/s: " + audit switch
            {
                null => "the audit store benchmark was not run by this command.",
                >= AuditTarget => $"{audit:N0} records/s from the audit store benchmark, **met**.",
                _ => $"{audit:N0} records/s from the audit store benchmark, **not met**, {AuditTarget - audit:N0} records/s short.",
            } +
            $" Through the gateway at {load.Pass.Concurrency} connections: {load.AuditEntriesPerSecond:N0} entries/s (two per exchange), " +
            "the rate the gateway's traffic asked of the store, not its capacity.");
    }

    private static string P99Verdict(PassResult pass)
    {
        var added = (pass.Gatehouse.P99 - pass.Direct.P99) / 1000.0;
        var yarp = (pass.Yarp.P99 - pass.Direct.P99) / 1000.0;
        var verdict = added <= P99AddedTargetMs ? "**met**" : $"**not met**, {added - P99AddedTargetMs:N2} ms over";
        return $"{added:+0.00;-0.00} ms, {verdict} (bare YARP: {yarp:+0.00;-0.00} ms)";
    }

    private static void Audit(StringBuilder md, RunSummary run)
    {
        var a = run.Audit;
        var sent = run.Load.GatehouseSent + run.Latency.GatehouseSent;
        var received = run.Load.GatehouseReceived + run.Latency.GatehouseReceived;

        // wrk ends a run by closing its connections, so the few requests written in its last instant may never reach
        // the gateway: the audit must hold at least every answered request and never more than were written.
        var complete = a.Intents >= received && a.Intents <= sent && a.IntentsWithoutEnd == 0 && a.Outcomes + a.Interrupted == a.Intents;
        Line(md, $"Audit check (both passes, warm-ups included): {received:N0} responses received of {sent:N0} requests written " +
            $"(the rest were cut off when wrk closed its connections); the audit holds {a.Intents:N0} intents and {a.Outcomes:N0} outcomes " +
            $"({a.Ok:N0} with status 200), {a.Interrupted} interrupted, {a.IntentsWithoutEnd} intents without an end: " +
            (complete ? "**one complete record per request that reached the gateway**." : "**MISMATCH**.") +
            $" `gatehouse audit verify`: {(run.AuditIntact ? "passed" : "FAILED")} ({run.AuditVerdict}).");
        if (run.AuditBenchmark is not null)
        {
            Line(md, "");
            Line(md, $"Audit store benchmark (`dotnet run -c Release --project bench/Gatehouse.Audit.Benchmarks -- --records 200000 --producers 64`), same run: {run.AuditBenchmark}");
        }
    }

    private static void Method(StringBuilder md)
    {
        Line(md, "How it measures: the fake upstream (Kestrel, canned answer, no work) runs in the benchmark's process; bare YARP " +
            "(`IHttpForwarder`, default transformer, YARP's recommended client) and Gatehouse (the built `gatehouse serve`, an API key " +
            "made with `gatehouse keys create` in a fresh SQLite store, audit on, fail-closed) each run as their own process, so both " +
            "proxies pay the same process, server-GC and scheduling costs and Gatehouse runs exactly as deployed. wrk is the one " +
            "client for all three (a C load generator, lighter on the shared cores than a .NET client); its Lua script counts the " +
            "requests written so the audit can be checked against them. All processes share the machine's cores with whatever else " +
            "runs on it (see the load average above), so compare the figures within one run; in a closed loop the faster target " +
            "also queues more, which is why the one-connection pass is the cleaner measure of added latency.");
    }

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("N2", CultureInfo.InvariantCulture);

    private static string Signed(long microseconds) => (microseconds / 1000.0).ToString("+0.00;-0.00", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
