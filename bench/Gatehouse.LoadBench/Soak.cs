using System.Globalization;
using System.Text;

namespace Gatehouse.LoadBench;

/// <summary>
/// The soak: the everything-on gateway under a steady mix of plain and streamed requests for many minutes, one minute
/// at a time, watching for what a short benchmark cannot show: errors that start late, memory that only grows, an audit
/// that falls behind.
/// </summary>
/// <remarks>Usage: <c>Gatehouse.LoadBench soak [--minutes 30] [--concurrency 8] [--stream-concurrency 4] [--doc docs/reliability.md]</c>.</remarks>
internal static class Soak
{
    public static async Task<string> RunAsync(BenchOptions options, int minutes)
    {
        var gatehouseDll = Path.GetFullPath(options.GatehousePath);
        if (!File.Exists(gatehouseDll))
        {
            throw new FileNotFoundException($"{gatehouseDll} not found; build it first: dotnet build -c Release src/Gatehouse");
        }

        var directory = Path.Combine(Path.GetTempPath(), "gatehouse-soak", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            return await RunInAsync(options, minutes, gatehouseDll, directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> RunInAsync(BenchOptions options, int minutes, string gatehouseDll, string directory)
    {
        var machine = MachineInfo.Describe();
        var started = TimeProvider.System.GetUtcNow();
        var payloads = ChatPayloads.Create(options.BodySize);
        var upstreamPort = FreePort.Next();
        await using var upstream = await FakeUpstream.StartAsync(upstreamPort, payloads, options);
        var gateway = await GatewayUnderTest.StartAsync(gatehouseDll, directory, FreePort.Next(), upstreamPort, options.Kind, GatewayLayers.Policy);
        var target = new Target(LoadRun.LayerName(GatewayLayers.Policy), new Uri(gateway.BaseUrl, $"{GatewayUnderTest.Connection}/v1/chat/completions"),
            new Dictionary<string, string> { ["Authorization"] = $"Bearer {gateway.Credential}" }, () => gateway.Process.CpuTime, () => gateway.Process.ResidentBytes);
        var wrk = new WrkLoad(options, payloads.Request, directory);
        using var streaming = new StreamingClient();
        var residentAtStart = gateway.Process.ResidentBytes;
        var rows = new List<SoakMinute>();
        await using (gateway.Process)
        {
            for (var minute = 1; minute <= minutes; minute++)
            {
                var cpu = gateway.Process.CpuTime;
                var plain = wrk.RunAsync(target, options.Concurrency, TimeSpan.FromMinutes(1));
                var streamed = streaming.RunAsync(target, payloads.PacedRequest, options.StreamConcurrency, TimeSpan.Zero, TimeSpan.FromMinutes(1));
                rows.Add(new SoakMinute(minute, await plain, await streamed, gateway.Process.ResidentBytes, gateway.Process.CpuTime - cpu));
                Console.Error.WriteLine($"soak minute {minute}/{minutes}: resident {rows[^1].Resident / 1048576.0:N0} MB");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var received = rows.Sum(r => r.Requests.Requests + r.Streams.Completed);
        var sent = rows.Sum(r => r.Requests.Sent + r.Streams.Completed + r.Streams.Errors);
        var (intact, verdict) = await gateway.VerifyAsync();
        var audit = new GatewayAudit(target.Name, received, sent, AuditCount.Read(gateway.Database), intact, verdict);
        return Markdown(options, machine, started, minutes, residentAtStart, rows, audit);
    }

    private static string Markdown(BenchOptions o, string machine, DateTimeOffset started, int minutes, long residentAtStart, List<SoakMinute> rows, GatewayAudit audit)
    {
        var md = new StringBuilder();
        void Line(string text) => md.Append(text).Append('\n');
        Line($"## Soak: {minutes} minutes of mixed traffic through everything-on Gatehouse");
        Line("");
        Line($"Measured from {started:yyyy-MM-dd HH:mm} UTC on {machine}.");
        Line($"Command: `{o.Command ?? "bench/load/soak.sh"}`");
        Line("");
        Line($"Each minute: wrk with {o.Concurrency} connections sending plain chat requests, and at the same time {o.StreamConcurrency} " +
            $"streaming clients reading paced streams ({o.Pace.TotalMilliseconds:0.#} ms between events), all through one gateway " +
            "(API key, SQLite audit fail-closed, masking both ways, the 24-rule policy). Rows every few minutes; errors are socket " +
            "errors, timeouts, statuses of 400 or more, and streams without their end.");
        Line("");
        Line("| minute | plain requests/s | plain p99 | streams/s | stream total p99 | errors | gateway CPU | gateway RSS |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var every = Math.Max(1, minutes / 10);
        foreach (var r in rows.Where(r => r.Minute == 1 || r.Minute % every == 0 || r.Minute == minutes))
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"| {r.Minute} | {r.Requests.PerSecond:N0} | {r.Requests.P99 / 1000.0:N2} ms | " +
                $"{r.Streams.Completed / 60.0:N1} | {r.Streams.TotalP99 / 1000.0:N1} ms | {r.Requests.Errors + r.Streams.Errors} | " +
                $"{r.GatewayCpu.TotalSeconds / 60 * 100:N0} % | {r.Resident / 1048576.0:N0} MB |"));
        }

        var errors = rows.Sum(r => r.Requests.Errors + r.Streams.Errors);
        Line("");
        Line($"Totals: {rows.Sum(r => r.Requests.Requests):N0} plain requests and {rows.Sum(r => r.Streams.Completed):N0} streams answered, " +
            $"**{errors:N0} errors**. Gateway resident memory: {residentAtStart / 1048576.0:N0} MB at start (idle), " +
            $"{rows[0].Resident / 1048576.0:N0} MB after the first minute, **{rows[^1].Resident / 1048576.0:N0} MB at the end**.");
        Line($"Audit: {audit.Count.Intents:N0} intents and {audit.Count.Outcomes:N0} outcomes for {audit.Received:N0} answered of " +
            $"{audit.Sent:N0} written, {audit.Count.IntentsWithoutEnd} without an end: {(audit.Complete ? "**complete**" : "**MISMATCH**")}; " +
            $"`gatehouse audit verify`: {(audit.Intact ? "passed" : "**FAILED**")} ({audit.Verdict}).");
        return md.ToString();
    }
}
