using System.Globalization;
using System.Text;

namespace Gatehouse.LoadBench;

/// <summary>Writes a run as the markdown section of docs/benchmarks.md.</summary>
internal static class Report
{
    private const double P99AddedTargetMs = 1.0;
    private const double ThroughputTarget = 0.7;
    private const double PortkeyTarget = 10;
    private const double FirstByteTargetMs = 1.0;
    private const double ResidentTargetMb = 300;
    private const double AuditTarget = 20_000;

    public static string Markdown(RunSummary run)
    {
        var o = run.Options;
        var md = new StringBuilder();
        Line(md, "## Gateway load: direct, bare YARP, Portkey and Gatehouse layer by layer on one fake upstream");
        Line(md, "");
        Line(md, $"Measured {run.Date:yyyy-MM-dd HH:mm} UTC on {run.Machine}, with {run.WrkVersion}.");
        Line(md, $"Command: `{o.Command ?? "bench/load/run.sh"}`");
        Line(md, "");
        Line(md, $"Every target gets the same closed-loop load from wrk ({o.Threads} threads, keep-alive connections, each sending its next " +
            $"request when the previous answer arrives): a small chat request POSTed to `chat/completions` (Gatehouse connection kind " +
            $"`{o.Kind}`), answered with one JSON completion carrying {o.BodySize} bytes of text. Latencies in milliseconds; \"added\" " +
            "is the target's percentile minus direct's in the same pass; server CPU is the CPU time (user + system) of the process " +
            "answering the client per request (the upstream for direct, the proxy otherwise, whose upstream costs direct's figure " +
            "again); RSS is that process's peak resident memory while it was measured.");
        LoadTable(md, run.Load, run.LoadResults, withMemory: true);
        LoadTable(md, run.OneConnection, run.OneConnectionResults, withMemory: false);
        StreamTable(md, run);
        Held(md, run);
        Line(md, "");
        Targets(md, run);
        Line(md, "");
        Audit(md, run);
        Line(md, "");
        Method(md);
        return md.ToString();
    }

    private static void LoadTable(StringBuilder md, LoadPass p, IReadOnlyList<LoadResult> results, bool withMemory)
    {
        if (results.Count == 0)
        {
            return;
        }

        var direct = results[0];
        var yarp = Find(results, "bare YARP");
        var portkey = Find(results, PortkeyPeer.Name);
        Line(md, "");
        Line(md, $"**{p.Name}**: {p.Concurrency} connection{(p.Concurrency == 1 ? "" : "s")}, {p.Warmup.TotalSeconds:0.#} s warm-up, {p.Duration.TotalSeconds:0.#} s measured.");
        Line(md, "");
        Line(md, "| target | requests/s | p50 | p99 | added p50 | added p99 | vs bare YARP | vs Portkey | server CPU per request |" + (withMemory ? " peak RSS |" : "") + " errors |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|" + (withMemory ? "---:|" : "") + "---:|");
        foreach (var r in results)
        {
            var added = r == direct ? ("-", "-") : (Signed(r.P50 - direct.P50), Signed(r.P99 - direct.P99));
            var memory = withMemory ? $" {(r.PeakResident == 0 ? "-" : Mb(r.PeakResident))} |" : "";
            Line(md, $"| {r.Target} | {r.PerSecond:N0} | {Ms(r.P50)} | {Ms(r.P99)} | {added.Item1} | {added.Item2} | " +
                $"{Ratio(r, yarp)} | {Ratio(r, portkey)} | {r.CpuPerRequest:N0} µs |{memory} {r.Errors} |");
        }
    }

    private static void StreamTable(StringBuilder md, RunSummary run)
    {
        if (run.StreamResults.Count == 0)
        {
            return;
        }

        var o = run.Options;
        var direct = run.StreamResults[0];
        Line(md, "");
        Line(md, $"**streaming**: {o.StreamConcurrency} concurrent streams for {run.StreamFor.TotalSeconds:0.#} s per target; the upstream sends " +
            $"an answer's first event at once and the rest {o.Pace.TotalMilliseconds:0.#} ms apart, like tokens. First byte: from sending " +
            "the request to the first byte of the body; total: to the end of the stream.");
        Line(md, "");
        Line(md, "| target | streams | first byte p50 | first byte p99 | added p50 | added p99 | total p50 | total p99 | errors |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in run.StreamResults)
        {
            var added = r == direct ? ("-", "-") : (Signed(r.FirstByteP50 - direct.FirstByteP50), Signed(r.FirstByteP99 - direct.FirstByteP99));
            Line(md, $"| {r.Target} | {r.Completed:N0} | {Ms(r.FirstByteP50)} | {Ms(r.FirstByteP99)} | {added.Item1} | {added.Item2} | " +
                $"{Ms(r.TotalP50)} | {Ms(r.TotalP99)} | {r.Errors} |");
        }
    }

    private static void Held(StringBuilder md, RunSummary run)
    {
        if (run.Held is not { } h)
        {
            return;
        }

        Line(md, "");
        Line(md, $"**concurrent streams**: {h.Opened:N0} streamed requests opened at once through {LoadRun.LayerName(GatewayLayers.Policy)}, " +
            $"each held open by the upstream for {run.Options.HoldFor.TotalSeconds:0.#} s: {h.Completed:N0} completed, {h.Errors} failed, " +
            $"in {h.Elapsed.TotalSeconds:N1} s. Gateway resident memory: {Mb(h.ResidentBefore)} before, **{Mb(h.ResidentPeak)} at the peak**.");
    }

    private static void Targets(StringBuilder md, RunSummary run)
    {
        var all = LoadRun.LayerName(GatewayLayers.Policy);
        var load = run.LoadResults;
        var gatehouse = Find(load, all);
        var yarp = Find(load, "bare YARP");
        var portkey = Find(load, PortkeyPeer.Name);
        Line(md, $"Targets (issues 2 and 6), for {all}:");
        if (gatehouse is null || yarp is null)
        {
            Line(md, "- not measured: the run did not complete.");
            return;
        }

        Line(md, $"- p99 added over direct <= {P99AddedTargetMs:N0} ms: {P99Verdict(load[0], gatehouse, yarp)} at {run.Load.Concurrency} connections; " +
            (Find(run.OneConnectionResults, all) is { } one && Find(run.OneConnectionResults, "bare YARP") is { } yarpOne
                ? $"{P99Verdict(run.OneConnectionResults[0], one, yarpOne)} over one connection."
                : "not measured over one connection."));
        var ratio = gatehouse.PerSecond / yarp.PerSecond;
        Line(md, $"- throughput >= {ThroughputTarget:N1}x bare YARP: {ratio:N2}x, " +
            (ratio >= ThroughputTarget ? "**met**." : $"**not met**, {(ThroughputTarget * yarp.PerSecond) - gatehouse.PerSecond:N0} requests/s short."));
        Line(md, "- throughput >= 10x Portkey's: " + (portkey is null
            ? "not measured (Portkey's gateway was not run: pass `--portkey`)."
            : $"{gatehouse.PerSecond / portkey.PerSecond:N2}x ({gatehouse.PerSecond:N0} against {portkey.PerSecond:N0} requests/s), " +
              (gatehouse.PerSecond >= PortkeyTarget * portkey.PerSecond ? "**met**." : "**not met**.")));
        if (run.StreamResults.Count > 0 && Find(run.StreamResults, all) is { } stream)
        {
            var direct = run.StreamResults[0];
            var (p50, p99) = ((stream.FirstByteP50 - direct.FirstByteP50) / 1000.0, (stream.FirstByteP99 - direct.FirstByteP99) / 1000.0);
            Line(md, $"- streaming time to first byte added <= {FirstByteTargetMs:N0} ms: {p50:+0.00;-0.00} ms at p50 " +
                $"({(p50 <= FirstByteTargetMs ? "**met**" : "**not met**")}), {p99:+0.00;-0.00} ms at p99 ({(p99 <= FirstByteTargetMs ? "**met**" : "**not met**")}).");
        }

        if (run.Held is { } h)
        {
            var peak = h.ResidentPeak / 1048576.0;
            Line(md, $"- <= {ResidentTargetMb:N0} MB resident with {h.Opened:N0} concurrent streams: {peak:N0} MB, " +
                (peak <= ResidentTargetMb && h.Errors == 0 ? "**met**." : h.Errors > 0 ? $"**not met**: {h.Errors} streams failed." : "**not met**."));
        }

        var audit = run.AuditBenchmarkPerSecond();
        Line(md, $"- durable audit >= {AuditTarget:N0} records/s: " + audit switch
        {
            null => "the audit store benchmark was not run by this command.",
            >= AuditTarget => $"{audit:N0} records/s from the audit store benchmark, **met**.",
            _ => $"{audit:N0} records/s from the audit store benchmark, **not met**.",
        });
    }

    private static string P99Verdict(LoadResult direct, LoadResult gatehouse, LoadResult yarp)
    {
        var added = (gatehouse.P99 - direct.P99) / 1000.0;
        var bare = (yarp.P99 - direct.P99) / 1000.0;
        var verdict = added <= P99AddedTargetMs ? "**met**" : $"**not met**, {added - P99AddedTargetMs:N2} ms over";
        return $"{added:+0.00;-0.00} ms, {verdict} (bare YARP: {bare:+0.00;-0.00} ms)";
    }

    private static void Audit(StringBuilder md, RunSummary run)
    {
        Line(md, "Audit check, per gateway run (warm-ups and every pass included): the clients' requests against the audit's records, " +
            "then `gatehouse audit verify` on the store. wrk ends by closing its connections, so a few requests written in its last " +
            "instant never reach the gateway: the audit must hold at least every answered request and never more than were written.");
        Line(md, "");
        Line(md, "| gateway | answered | written | intents | outcomes | interrupted | without an end | complete | verify |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var a in run.Audits)
        {
            Line(md, $"| {a.Target} | {a.Received:N0} | {a.Sent:N0} | {a.Count.Intents:N0} | {a.Count.Outcomes:N0} | {a.Count.Interrupted:N0} | " +
                $"{a.Count.IntentsWithoutEnd:N0} | {(a.Complete ? "yes" : "**NO**")} | {(a.Intact ? "passed" : "**FAILED**")} |");
        }

        if (run.AuditBenchmark is not null)
        {
            Line(md, "");
            Line(md, $"Audit store benchmark (`dotnet run -c Release --project bench/Gatehouse.Audit.Benchmarks -- --records 200000 --producers 64`), same run: {run.AuditBenchmark}");
        }
    }

    private static void Method(StringBuilder md)
    {
        Line(md, "How it measures: the fake upstream (Kestrel, canned answers, no work) runs in the benchmark's process; bare YARP " +
            "(`IHttpForwarder`, default transformer, YARP's recommended client), Portkey's open-source gateway (`@portkey-ai/gateway`, " +
            "node, routing to the fake upstream as a custom OpenAI host, nothing else configured) and Gatehouse (the built " +
            "`gatehouse serve`, an API key from `gatehouse keys create`, a fresh SQLite store per layer, audit fail-closed) each run as " +
            "their own process. The Gatehouse layers: auth + audit (masking off, no policy file); + masking (the default detectors, " +
            "both directions); + policy (a 24-rule policy file with CEL conditions, see `BenchPolicy`), which is everything on as " +
            "deployed. wrk loads every target; a .NET client reads the streams (wrk cannot time a body's first byte). All processes " +
            "share the machine's cores with whatever else runs on it (see the load average above), so compare the figures within " +
            "one run; in a closed loop the faster target also queues more, which is why the one-connection pass is the cleaner " +
            "measure of added latency.");
    }

    private static LoadResult? Find(IReadOnlyList<LoadResult> results, string name) => results.FirstOrDefault(r => r.Target == name);

    private static StreamResult? Find(IReadOnlyList<StreamResult> results, string name) => results.FirstOrDefault(r => r.Target == name);

    private static string Ratio(LoadResult r, LoadResult? baseline) => baseline is null ? "-" : $"{r.PerSecond / baseline.PerSecond:N2}x";

    private static string Mb(long bytes) => $"{bytes / 1048576.0:N0} MB";

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("N2", CultureInfo.InvariantCulture);

    private static string Signed(long microseconds) => (microseconds / 1000.0).ToString("+0.00;-0.00", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
