using System.Diagnostics;
using System.Reflection;

namespace Gatehouse.LoadBench;

/// <summary>
/// One run: starts the fake upstream (in this process), bare YARP and Gatehouse (each in its own process), loads each
/// in turn with the same wrk settings, then checks the gateway's audit against the requests it was sent.
/// </summary>
internal static class LoadRun
{
    public static async Task<RunSummary> RunAsync(BenchOptions options)
    {
        var gatehouseDll = Path.GetFullPath(options.GatehousePath);
        if (!File.Exists(gatehouseDll))
        {
            throw new FileNotFoundException($"{gatehouseDll} not found; build it first: dotnet build -c Release src/Gatehouse");
        }

        var directory = Path.Combine(Path.GetTempPath(), "gatehouse-loadbench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            return await RunInAsync(options, gatehouseDll, directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<RunSummary> RunInAsync(BenchOptions options, string gatehouseDll, string directory)
    {
        var machine = MachineInfo.Describe();
        var payloads = ChatPayloads.Create(options.BodySize, options.Stream);
        var (upstreamPort, yarpPort, gatehousePort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var upstreamUrl = new Uri($"http://127.0.0.1:{upstreamPort}/");
        var path = "v1/chat/completions";
        var wrk = new WrkLoad(options, directory);

        await using var upstream = await FakeUpstream.StartAsync(upstreamPort, payloads, options.Stream);
        var (self, selfArgs) = Self();
        await using var yarp = ChildProcess.Start(self, [.. selfArgs, "yarp", yarpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), upstreamUrl.ToString()],
            Path.Combine(directory, "yarp.log"));
        var yarpUrl = new Uri($"http://127.0.0.1:{yarpPort}/");
        await yarp.WaitReadyAsync(yarpUrl);

        var gateway = await GatewayUnderTest.StartAsync(gatehouseDll, directory, gatehousePort, upstreamPort);
        LoadResult direct, bare, gatehouse;
        long gatehouseSent, gatehouseReceived;
        double auditPerSecond;
        await using (gateway.Process)
        {
            direct = await MeasureAsync(wrk, options, "direct", new Uri(upstreamUrl, path), payloads.Request, null, () => Process.GetCurrentProcess().TotalProcessorTime);
            bare = await MeasureAsync(wrk, options, "bare YARP", new Uri(yarpUrl, path), payloads.Request, null, () => yarp.CpuTime);

            var gatehouseUrl = new Uri(gateway.BaseUrl, $"{GatewayUnderTest.Connection}/{path}");
            var warm = await wrk.RunAsync("Gatehouse warm-up", gatehouseUrl, payloads.Request, gateway.ApiKey, options.Warmup);
            var (before, cpu) = (AuditCount.LastSequence(gateway.Database), gateway.Process.CpuTime);
            gatehouse = await wrk.RunAsync("Gatehouse", gatehouseUrl, payloads.Request, gateway.ApiKey, options.Duration);
            gatehouse = gatehouse with { CpuPerRequest = (gateway.Process.CpuTime - cpu).TotalMicroseconds / gatehouse.Requests };
            auditPerSecond = (AuditCount.LastSequence(gateway.Database) - before) / gatehouse.Seconds;
            (gatehouseSent, gatehouseReceived) = (warm.Sent + gatehouse.Sent, warm.Requests + gatehouse.Requests);
            Progress(gatehouse);

            // Let the exchanges cut off when wrk stopped write their outcomes before the graceful stop.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var (intact, verdict) = await gateway.VerifyAsync();
        return new RunSummary
        {
            Options = options,
            Machine = machine,
            Date = TimeProvider.System.GetUtcNow(),
            WrkVersion = await WrkVersionAsync(),
            Direct = direct,
            Yarp = bare,
            Gatehouse = gatehouse,
            GatehouseSent = gatehouseSent,
            GatehouseReceived = gatehouseReceived,
            Audit = AuditCount.Read(gateway.Database),
            AuditEntriesPerSecond = auditPerSecond,
            AuditIntact = intact,
            AuditVerdict = verdict,
            AuditBenchmark = options.AuditBenchmark,
        };
    }

    private static async Task<LoadResult> MeasureAsync(WrkLoad wrk, BenchOptions options, string target, Uri url, string body, string? apiKey, Func<TimeSpan> cpu)
    {
        await wrk.RunAsync(target + " warm-up", url, body, apiKey, options.Warmup);
        var before = cpu();
        var result = await wrk.RunAsync(target, url, body, apiKey, options.Duration);
        result = result with { CpuPerRequest = (cpu() - before).TotalMicroseconds / result.Requests };
        Progress(result);
        return result;
    }

    private static void Progress(LoadResult r)
        => Console.Error.WriteLine($"{r.Target}: {r.PerSecond:N0} requests/s, p50 {r.P50 / 1000.0:N2} ms, p99 {r.P99 / 1000.0:N2} ms, {r.CpuPerRequest:N0} us CPU/request, {r.Errors} errors");

    /// <summary>This program, as it was started (the apphost, or <c>dotnet</c> with this assembly).</summary>
    private static (string File, string[] Args) Self()
    {
        var process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [Assembly.GetEntryAssembly()!.Location])
            : (process, []);
    }

    private static async Task<string> WrkVersionAsync()
    {
        var (_, output, error) = await ChildProcess.RunAsync("wrk", ["-v"]);
        var first = (output + error).Split('\n')[0];
        var copyright = first.IndexOf(" Copyright", StringComparison.Ordinal);
        return copyright > 0 ? first[..copyright] : first.Trim();
    }
}
