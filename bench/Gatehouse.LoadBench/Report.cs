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
        Line(md, $"Each target in turn, same load: {o.Concurrency} keep-alive connections on {o.Threads} wrk threads, closed loop, " +
            $"{o.Warmup.TotalSeconds:0} s warm-up then {o.Duration.TotalSeconds:0} s measured; a small chat request " +
            $"POSTed to `chat/completions`; the upstream answers {(o.Stream ? "server-sent events" : "one JSON completion")} with {o.BodySize} bytes of text.");
        Line(md, "");
        Line(md, "| target | requests/s | p50 | p90 | p99 | added p50 | added p99 | requests/s vs bare YARP | server CPU per request | errors |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { run.Direct, run.Yarp, run.Gatehouse })
        {
            var added = r == run.Direct ? ("-", "-") : ($"+{Ms(r.P50 - run.Direct.P50)}", $"+{Ms(r.P99 - run.Direct.P99)}");
            Line(md, $"| {r.Target} | {r.PerSecond:N0} | {Ms(r.P50)} | {Ms(r.P90)} | {Ms(r.P99)} | {added.Item1} | {added.Item2} | " +
                $"{r.PerSecond / run.Yarp.PerSecond:N2}x | {r.CpuPerRequest:N0} µs | {r.Errors} |");
        }

        Line(md, "");
        Line(md, "Latencies in milliseconds; \"added\" is the target's percentile minus direct's. Server CPU per request is the CPU time " +
            "(user + system) of the process answering the client, divided by requests: the upstream for direct, the proxy process otherwise " +
            "(whose upstream costs direct's figure again).");
        Line(md, "");
        Targets(md, run);
        Line(md, "");
        Audit(md, run);
        Line(md, "");
        Method(md);
        return md.ToString();
    }

    private static void Targets(StringBuilder md, RunSummary run)
    {
        var addedP99 = (run.Gatehouse.P99 - run.Direct.P99) / 1000.0;
        var ratio = run.Gatehouse.PerSecond / run.Yarp.PerSecond;
        var audit = run.AuditBenchmarkPerSecond() ?? run.AuditEntriesPerSecond;
        Line(md, "Targets (issue 2):");
        Line(md, $"- p99 added over direct <= {P99AddedTargetMs:N0} ms: {addedP99:N2} ms, " +
            (addedP99 <= P99AddedTargetMs ? "**met**." : $"**not met**, {addedP99 - P99AddedTargetMs:N2} ms over " +
            $"(bare YARP alone adds {(run.Yarp.P99 - run.Direct.P99) / 1000.0:N2} ms)."));
        Line(md, $"- throughput >= {ThroughputTarget:N1}x bare YARP: {ratio:N2}x, " +
            (ratio >= ThroughputTarget ? "**met**." : $"**not met**, {(ThroughputTarget - ratio) * run.Yarp.PerSecond:N0} requests/s short."));
        Line(md, $"- durable audit >= {AuditTarget:N0} records/s: {audit:N0} records/s from the audit store benchmark, " +
            (audit >= AuditTarget ? "**met**." : $"**not met**, {AuditTarget - audit:N0} records/s short.") +
            $" Through the gateway under this load: {run.AuditEntriesPerSecond:N0} entries/s (two per exchange), bound by the gateway's request rate, not by the store.");
    }

    private static void Audit(StringBuilder md, RunSummary run)
    {
        var a = run.Audit;
        // wrk ends a run by closing its connections, so the few requests written in its last instant may never reach
        // the gateway: the audit must hold at least every answered request and never more than were written.
        var complete = a.Intents >= run.GatehouseReceived && a.Intents <= run.GatehouseSent
            && a.IntentsWithoutEnd == 0 && a.Outcomes + a.Interrupted == a.Intents;
        Line(md, $"Audit check (warm-up included): {run.GatehouseReceived:N0} responses received of {run.GatehouseSent:N0} requests written " +
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
            "requests written so the audit can be checked against them. All processes share the machine's cores, so the ratios in " +
            "one run are the result, not the absolute rates.");
    }

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("N2", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
