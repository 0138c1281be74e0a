using System.Globalization;
using System.Text;

namespace Gatehouse.LoadBench;

/// <summary>Writes a run as the markdown section of docs/benchmarks.md.</summary>
internal static class Report
{
    public static string Markdown(RunSummary run)
    {
        var o = run.Options;
        var md = new StringBuilder();
        Line(md, "## Gateway load: direct, bare YARP, Portkey and Gatehouse layer by layer on one fake upstream, small and agent-shaped requests; " +
            "OIDC rows with an RS256 token from an issuer in its own process, trusted through identity.oidc");
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
        NotMeasured(md, run);
        AgentReport.Write(md, run);
        Line(md, "");
        TargetsReport.Write(md, run);
        Line(md, "");
        Audit(md, run);
        Line(md, "");
        Method(md);
        return md.ToString();
    }

    private static void NotMeasured(StringBuilder md, RunSummary run)
    {
        foreach (var (name, why) in run.NotMeasured)
        {
            Line(md, "");
            Line(md, $"**{name}: not measured.** {why}");
        }
    }

    public static void LoadTable(StringBuilder md, LoadPass p, IReadOnlyList<LoadResult> results, bool withMemory)
    {
        if (results.Count == 0)
        {
            return;
        }

        var direct = Find(results, "direct");
        var yarp = Find(results, "bare YARP");
        var portkey = Find(results, PortkeyPeer.Name);
        Line(md, "");
        Line(md, $"**{p.Name}**: {p.Concurrency} connection{(p.Concurrency == 1 ? "" : "s")}, {p.Warmup.TotalSeconds:0.#} s warm-up, {p.Duration.TotalSeconds:0.#} s measured.");
        Line(md, "");
        Line(md, "| target | requests/s | p50 | p99 | added p50 | added p99 | vs bare YARP | vs Portkey | server CPU per request |" + (withMemory ? " peak RSS |" : "") + " errors |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|" + (withMemory ? "---:|" : "") + "---:|");
        foreach (var r in results)
        {
            var added = direct is null || r == direct ? ("-", "-") : (Signed(r.P50 - direct.P50), Signed(r.P99 - direct.P99));
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
        var direct = Find(run.StreamResults, "direct");
        Line(md, "");
        Line(md, $"**streaming**: {o.StreamConcurrency} concurrent streams for {run.StreamFor.TotalSeconds:0.#} s per target, after {Math.Ceiling(o.Warmup.TotalSeconds / 2):0.#} s of unmeasured streams (its code compiled and warm, as in the other passes); the upstream sends " +
            $"an answer's first event at once and the rest {o.Pace.TotalMilliseconds:0.#} ms apart, like tokens. First byte: from sending " +
            "the request to the first byte of the body; total: to the end of the stream.");
        Line(md, "");
        Line(md, "| target | streams | first byte p50 | first byte p99 | added p50 | added p99 | total p50 | total p99 | errors |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in run.StreamResults)
        {
            var added = direct is null || r == direct ? ("-", "-") : (Signed(r.FirstByteP50 - direct.FirstByteP50), Signed(r.FirstByteP99 - direct.FirstByteP99));
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
            "`gatehouse serve`, a fresh SQLite store per gateway, audit fail-closed) each run as their own process. The Gatehouse " +
            "layers, with an API key from `gatehouse keys create`: auth + audit (masking off, no policy file); + masking (the default " +
            "detectors, both directions); + policy (a 24-rule policy file with CEL conditions, see `BenchPolicy`). \"All on, OIDC " +
            "token\" is the last with an RS256 access token from an issuer in a process of its own (a development issuer, " +
            "`gatehouse serve --dev` on its own port and store, token from `gatehouse dev token`), which the gateway trusts as a " +
            "production gateway trusts its identity provider (`identity.oidc` with its discovery document and JWKS fetched over " +
            "HTTP; the gateway runs without `--dev`), as most clients present one: everything on as deployed, the row the targets are about; \"durability process\" is the same with `audit.durability: process`. wrk loads every target; a .NET client reads the streams (wrk cannot time a body's first byte). All processes " +
            "share the machine's cores with whatever else runs on it (see the load average above), so compare the figures within " +
            "one run; in a closed loop the faster target also queues more, which is why the one-connection pass is the cleaner " +
            "measure of added latency.");
    }

    public static LoadResult? Find(IReadOnlyList<LoadResult> results, string name) => results.FirstOrDefault(r => r.Target == name);

    public static StreamResult? Find(IReadOnlyList<StreamResult> results, string name) => results.FirstOrDefault(r => r.Target == name);

    private static string Ratio(LoadResult r, LoadResult? baseline) => baseline is null ? "-" : $"{r.PerSecond / baseline.PerSecond:N2}x";

    public static string Mb(long bytes) => $"{bytes / 1048576.0:N0} MB";

    public static string Ms(long microseconds) => (microseconds / 1000.0).ToString("N2", CultureInfo.InvariantCulture);

    public static string Signed(long microseconds) => (microseconds / 1000.0).ToString("+0.00;-0.00", CultureInfo.InvariantCulture);

    public static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
