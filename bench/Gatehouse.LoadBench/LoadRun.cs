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
        var wrk = new WrkLoad(options, payloads.Request, directory);

        await using var upstream = await FakeUpstream.StartAsync(upstreamPort, payloads, options.Stream);
        var (self, selfArgs) = Self();
        await using var yarp = ChildProcess.Start(self, [.. selfArgs, "yarp", yarpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), upstreamUrl.ToString()],
            Path.Combine(directory, "yarp.log"));
        var yarpUrl = new Uri($"http://127.0.0.1:{yarpPort}/");
        await yarp.WaitReadyAsync(yarpUrl);

        var gateway = await GatewayUnderTest.StartAsync(gatehouseDll, directory, gatehousePort, upstreamPort, options.Kind);
        PassResult load, latency;
        await using (gateway.Process)
        {
            var runner = new PassRunner(wrk, new Uri(upstreamUrl, path), new Uri(yarpUrl, path), yarp, gateway,
                new Uri(gateway.BaseUrl, $"{GatewayUnderTest.Connection}/{path}"));
            load = await runner.RunAsync(new LoadPass("load", options.Concurrency, options.Warmup, options.Duration));

            // One connection: no queueing anywhere, so what each proxy adds is its own work and waits.
            latency = await runner.RunAsync(new LoadPass("one connection", 1, HalfSeconds(options.Warmup), HalfSeconds(options.Duration)));

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
            Load = load,
            Latency = latency,
            Audit = AuditCount.Read(gateway.Database),
            AuditIntact = intact,
            AuditVerdict = verdict,
            AuditBenchmark = options.AuditBenchmark,
        };
    }

    private static TimeSpan HalfSeconds(TimeSpan span) => TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds / 2));

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
