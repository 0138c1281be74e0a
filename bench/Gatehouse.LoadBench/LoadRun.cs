using System.Globalization;
using System.Reflection;

namespace Gatehouse.LoadBench;

/// <summary>
/// One run: starts the fake upstream (in this process), bare YARP, Portkey's gateway and Gatehouse with each layer in
/// turn (each in its own process), loads each with the same wrk settings and streaming client, then checks every
/// gateway's audit against the requests it was sent.
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

    public static string LayerName(GatewayLayers layers) => layers switch
    {
        GatewayLayers.Audit => "Gatehouse: auth + audit",
        GatewayLayers.Masking => "Gatehouse: + masking",
        _ => "Gatehouse: + policy (all on)",
    };

    private static async Task<RunSummary> RunInAsync(BenchOptions options, string gatehouseDll, string directory)
    {
        var machine = MachineInfo.Describe();
        var payloads = ChatPayloads.Create(options.BodySize);
        var upstreamPort = FreePort.Next();
        var upstreamUrl = new Uri($"http://127.0.0.1:{upstreamPort}/");
        var wrk = new WrkLoad(options, payloads.Request, directory);
        var measurer = new Measurer(wrk);
        using var streaming = new StreamingClient();
        var load = new LoadPass("load", options.Concurrency, options.Warmup, options.Duration);
        var one = new LoadPass("one connection", 1, Half(options.Warmup), Half(options.Duration));
        var streamFor = Half(options.Duration);

        await using var upstream = await FakeUpstream.StartAsync(upstreamPort, payloads, options);
        var direct = new Target("direct", new Uri(upstreamUrl, "v1/chat/completions"), new Dictionary<string, string>(),
            () => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, null);

        var yarpPort = FreePort.Next();
        var (self, selfArgs) = Self();
        await using var yarpProcess = ChildProcess.Start(self, [.. selfArgs, "yarp", yarpPort.ToString(CultureInfo.InvariantCulture), upstreamUrl.ToString()],
            Path.Combine(directory, "yarp.log"));
        var yarpUrl = new Uri($"http://127.0.0.1:{yarpPort}/");
        await yarpProcess.WaitReadyAsync(yarpUrl);
        var yarp = new Target("bare YARP", new Uri(yarpUrl, "v1/chat/completions"), new Dictionary<string, string>(), () => yarpProcess.CpuTime, () => yarpProcess.ResidentBytes);

        ChildProcess? portkeyProcess = null;
        var peers = new List<Target> { direct, yarp };
        if (options.Portkey is { } entry)
        {
            var (process, target) = await PortkeyPeer.StartAsync(Path.GetFullPath(entry), directory, FreePort.Next(), upstreamUrl);
            portkeyProcess = process;
            peers.Add(target);
        }

        await using var portkeyLifetime = portkeyProcess;
        var loadResults = new List<LoadResult>();
        var oneResults = new List<LoadResult>();
        var streamResults = new List<StreamResult>();
        foreach (var peer in peers)
        {
            loadResults.Add(await measurer.RunAsync(load, peer));
        }

        var audits = new List<GatewayAudit>();
        HeldStreams? held = null;
        foreach (var layers in Enum.GetValues<GatewayLayers>())
        {
            var gateway = await GatewayUnderTest.StartAsync(gatehouseDll, directory, FreePort.Next(), upstreamPort, options.Kind, layers);
            var target = new Target(LayerName(layers), new Uri(gateway.BaseUrl, $"{GatewayUnderTest.Connection}/v1/chat/completions"),
                new Dictionary<string, string> { ["Authorization"] = $"Bearer {gateway.ApiKey}" }, () => gateway.Process.CpuTime, () => gateway.Process.ResidentBytes);
            var mine = new List<LoadResult>();
            StreamResult? stream = null;
            await using (gateway.Process)
            {
                mine.Add(await measurer.RunAsync(load, target));
                if (layers == GatewayLayers.Policy)
                {
                    // Everything on: the gateway as deployed also gets the latency, streaming and concurrent-streams passes.
                    foreach (var peer in peers)
                    {
                        oneResults.Add(await measurer.RunAsync(one, peer));
                    }

                    var mineOne = await measurer.RunAsync(one, target);
                    oneResults.Add(mineOne);
                    mine.Add(mineOne);
                    foreach (var peer in peers)
                    {
                        streamResults.Add(await streaming.RunAsync(peer, payloads.PacedRequest, options.StreamConcurrency, streamFor));
                    }

                    stream = await streaming.RunAsync(target, payloads.PacedRequest, options.StreamConcurrency, streamFor);
                    streamResults.Add(stream);
                    held = await streaming.HoldAsync(target, payloads.HeldRequest, options.Streams);
                }

                // Let the exchanges cut off when the load stopped write their outcomes before the graceful stop.
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            loadResults.Add(mine[0]);
            audits.Add(await CheckAsync(gateway, target.Name, mine, stream, layers == GatewayLayers.Policy ? held : null));
        }

        return new RunSummary
        {
            Options = options,
            Machine = machine,
            Date = TimeProvider.System.GetUtcNow(),
            WrkVersion = await WrkVersionAsync(),
            Load = load,
            OneConnection = one,
            StreamFor = streamFor,
            LoadResults = loadResults,
            OneConnectionResults = oneResults,
            StreamResults = streamResults,
            Held = held,
            Audits = audits,
            AuditBenchmark = options.AuditBenchmark,
        };
    }

    private static async Task<GatewayAudit> CheckAsync(GatewayUnderTest gateway, string name, List<LoadResult> loads, StreamResult? stream, HeldStreams? held)
    {
        var received = loads.Sum(r => r.Requests + r.WarmupRequests) + (stream?.Completed ?? 0) + (held?.Completed ?? 0);
        var sent = loads.Sum(r => r.Sent + r.WarmupSent) + (stream is null ? 0 : stream.Completed + stream.Errors) + (held?.Opened ?? 0);
        var (intact, verdict) = await gateway.VerifyAsync();
        return new GatewayAudit(name, received, sent, AuditCount.Read(gateway.Database), intact, verdict);
    }

    private static TimeSpan Half(TimeSpan span) => TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds / 2));

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
