using System.Globalization;
using System.Reflection;
using Gatehouse.LoadBench.Agent;

namespace Gatehouse.LoadBench;

/// <summary>
/// One run: starts the fake upstream (in this process), bare YARP, Portkey's gateway and Gatehouse set up each way in
/// turn (each in its own process), loads each with the same wrk settings and clients, then checks every gateway's audit
/// against the requests it was sent.
/// </summary>
/// <remarks>
/// The order: the peers under the small load; Gatehouse layer by layer with an API key (throughput and CPU per layer);
/// Gatehouse with everything on and an OIDC token, which also gets the one-connection, streaming and concurrent-streams
/// passes and the agent's 49 KB first request (the peers get the same passes beside it); the same with
/// <c>audit.durability: process</c>; and last a fresh gateway for the agent sessions, whose store growth is measured.
/// The OIDC rows' token comes from <see cref="BenchIssuer"/>, an issuer in another process that the gateway trusts
/// through <c>identity.oidc</c>. <c>--targets</c> (<see cref="TargetFilter"/>) runs only the named targets and passes;
/// the peers' one-connection, streaming and agent passes run beside the OIDC row's, so they need it named too.
/// </remarks>
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

    /// <summary>The agent sessions' gateway, as the report names it.</summary>
    public const string SessionsName = "Gatehouse: agent sessions, all on, OIDC";

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
        var (sessions, distinct) = AgentSession.Create(payloads);
        var firstRequest = sessions[0].Requests[0];
        var upstreamPort = FreePort.Next();
        var upstreamUrl = new Uri($"http://127.0.0.1:{upstreamPort}/");
        var small = new Measurer(new WrkLoad(options, payloads.Request, directory));
        var agent = new Measurer(new WrkLoad(options, System.Text.Encoding.UTF8.GetString(firstRequest), directory));
        using var streaming = new StreamingClient();
        var load = new LoadPass("load", options.Concurrency, options.Warmup, options.Duration);
        var one = new LoadPass("one connection", 1, Half(options.Warmup), Half(options.Duration));
        var agentLoad = load with { Name = "agent 49 KB, load" };
        var agentOne = one with { Name = "agent 49 KB, one connection" };
        var streamFor = Half(options.Duration);

        await using var upstream = await FakeUpstream.StartAsync(upstreamPort, payloads, options);
        var direct = new Target("direct", new Uri(upstreamUrl, "v1/chat/completions"), new Dictionary<string, string>(),
            () => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, null);
        var f = options.Targets;
        var peers = new List<Target>();
        if (f.Runs(direct.Name))
        {
            peers.Add(direct);
        }

        ChildProcess? yarpProcess = null;
        if (f.Runs("bare YARP"))
        {
            var yarpPort = FreePort.Next();
            var (self, selfArgs) = Self();
            var yarpChild = ChildProcess.Start(self, [.. selfArgs, "yarp", yarpPort.ToString(CultureInfo.InvariantCulture), upstreamUrl.ToString()],
                Path.Combine(directory, "yarp.log"));
            yarpProcess = yarpChild;
            var yarpUrl = new Uri($"http://127.0.0.1:{yarpPort}/");
            await yarpChild.WaitReadyAsync(yarpUrl);
            peers.Add(new Target("bare YARP", new Uri(yarpUrl, "v1/chat/completions"), new Dictionary<string, string>(), () => yarpChild.CpuTime, () => yarpChild.ResidentBytes));
        }

        await using var yarpLifetime = yarpProcess;
        ChildProcess? portkeyProcess = null;
        if (options.Portkey is { } entry && f.Runs(PortkeyPeer.Name))
        {
            var (process, target) = await PortkeyPeer.StartAsync(Path.GetFullPath(entry), directory, FreePort.Next(), upstreamUrl);
            portkeyProcess = process;
            peers.Add(target);
        }

        await using var portkeyLifetime = portkeyProcess;
        var r = new CollectedResults();
        foreach (var peer in peers.Where(p => f.Runs(p.Name, TargetFilter.LoadPass)))
        {
            r.Load.Add(await small.RunAsync(load, peer));
        }

        // The OIDC rows' identity provider, started once when one of them runs.
        var oidcRows = new[] { GatewaySetup.EverythingOn.Name, GatewaySetup.ProcessDurability.Name, SessionsName };
        await using var issuer = oidcRows.Any(f.Runs) ? await BenchIssuer.StartAsync(gatehouseDll, directory) : null;

        async Task<GatewayUnderTest?> StartAsync(GatewaySetup setup)
        {
            try
            {
                return await GatewayUnderTest.StartAsync(gatehouseDll, directory, FreePort.Next(), upstreamPort, options.Kind, setup, issuer);
            }
            catch (GatewayRefusedException ex)
            {
                Console.Error.WriteLine($"{setup.Name}: not measured. {ex.Message}");
                r.NotMeasured.Add((setup.Name, ex.Message));
                return null;
            }
        }

        foreach (var layers in Enum.GetValues<GatewayLayers>())
        {
            var setup = GatewaySetup.Layer(layers);
            if (!f.Runs(setup.Name, TargetFilter.LoadPass))
            {
                continue;
            }

            var gateway = (await StartAsync(setup))!;
            var target = Chat(gateway, setup.Name);
            LoadResult mine;
            await using (gateway.Process)
            {
                mine = await small.RunAsync(load, target);
                await SettleAsync();
            }

            r.Load.Add(mine);
            r.Audits.Add(await CheckAsync(gateway, target.Name, [mine], null, null));
        }

        foreach (var setup in new[] { GatewaySetup.EverythingOn, GatewaySetup.DevMode, GatewaySetup.ProcessDurability })
        {
            var main = setup == GatewaySetup.EverythingOn;
            // The streaming pass also runs with durability process: the first byte waits for the intent to be durable.
            var streams = main || setup == GatewaySetup.ProcessDurability;
            bool Runs(string pass) => f.Runs(setup.Name, pass);
            string[] passes = main
                ? [TargetFilter.LoadPass, TargetFilter.OnePass, TargetFilter.StreamPass, TargetFilter.HeldPass, TargetFilter.AgentLoadPass, TargetFilter.AgentOnePass]
                : streams ? [TargetFilter.LoadPass, TargetFilter.OnePass, TargetFilter.StreamPass, TargetFilter.AgentOnePass]
                : [TargetFilter.LoadPass, TargetFilter.OnePass, TargetFilter.AgentOnePass];
            if (!passes.Any(Runs) || await StartAsync(setup) is not { } gateway)
            {
                continue;
            }

            var target = Chat(gateway, setup.Name);
            var mine = new List<LoadResult>();
            StreamResult? stream = null;
            HeldStreams? held = null;
            await using (gateway.Process)
            {
                if (Runs(TargetFilter.LoadPass))
                {
                    mine.Add(await small.RunAsync(load, target));
                    r.Load.Add(mine[^1]);
                }

                if (Runs(TargetFilter.OnePass))
                {
                    foreach (var peer in main ? peers.Where(p => f.Runs(p.Name, TargetFilter.OnePass)) : [])
                    {
                        r.One.Add(await small.RunAsync(one, peer));
                    }

                    mine.Add(await small.RunAsync(one, target));
                    r.One.Add(mine[^1]);
                }

                if (streams && Runs(TargetFilter.StreamPass))
                {
                    foreach (var peer in main ? peers.Where(p => f.Runs(p.Name, TargetFilter.StreamPass)) : [])
                    {
                        r.Stream.Add(await streaming.RunAsync(peer, payloads.PacedRequest, options.StreamConcurrency, Half(options.Warmup), streamFor));
                    }

                    stream = await streaming.RunAsync(target, payloads.PacedRequest, options.StreamConcurrency, Half(options.Warmup), streamFor);
                    r.Stream.Add(stream);
                }

                if (main && Runs(TargetFilter.HeldPass))
                {
                    held = await streaming.HoldAsync(target, payloads.HeldRequest, options.Streams);
                    r.Held = held;
                }

                if (main && Runs(TargetFilter.AgentLoadPass))
                {
                    foreach (var peer in peers.Where(p => f.Runs(p.Name, TargetFilter.AgentLoadPass)))
                    {
                        r.AgentLoad.Add(await agent.RunAsync(agentLoad, peer));
                    }

                    mine.Add(await agent.RunAsync(agentLoad, target));
                    r.AgentLoad.Add(mine[^1]);
                }

                if (Runs(TargetFilter.AgentOnePass))
                {
                    foreach (var peer in main ? peers.Where(p => f.Runs(p.Name, TargetFilter.AgentOnePass)) : [])
                    {
                        r.AgentOne.Add(await agent.RunAsync(agentOne, peer));
                    }

                    mine.Add(await agent.RunAsync(agentOne, target));
                    r.AgentOne.Add(mine[^1]);
                }

                await SettleAsync();
            }

            r.Audits.Add(await CheckAsync(gateway, target.Name, mine, stream, held));
        }

        var conversation = f.Runs(SessionsName) ? await SessionsAsync(StartAsync, sessions, distinct, r) : null;
        return new RunSummary
        {
            Options = options,
            Machine = machine,
            Date = TimeProvider.System.GetUtcNow(),
            WrkVersion = await WrkVersionAsync(),
            Load = load,
            OneConnection = one,
            StreamFor = streamFor,
            LoadResults = r.Load,
            OneConnectionResults = r.One,
            StreamResults = r.Stream,
            Held = r.Held,
            Audits = r.Audits,
            AuditBenchmark = options.AuditBenchmark,
            NotMeasured = r.NotMeasured,
            Agent = new AgentSummary { FirstRequestBytes = firstRequest.Length, Load = r.AgentLoad, OneConnection = r.AgentOne, Conversation = conversation },
        };
    }

    /// <summary>
    /// The agent sessions through a fresh everything-on gateway: started once and stopped to measure its empty store,
    /// started again on that store to run the sessions, stopped, and measured again.
    /// </summary>
    private static async Task<ConversationResult?> SessionsAsync(Func<GatewaySetup, Task<GatewayUnderTest?>> start, IReadOnlyList<AgentSession> sessions, long distinct, CollectedResults r)
    {
        var setup = GatewaySetup.EverythingOn with { Name = SessionsName };
        if (await start(setup) is not { } empty)
        {
            return null;
        }

        await empty.Process.DisposeAsync();
        var before = StoreSize.Read(empty.Database);
        var gateway = (await start(setup))!;
        using var client = new ConversationClient();
        (List<long> Latencies, long Errors) sent;
        var cpu = gateway.Process.CpuTime;
        await using (gateway.Process)
        {
            sent = await client.RunAsync(sessions, api => new Uri(gateway.BaseUrl, api == AgentApi.OpenAIChat
                ? $"{GatewayUnderTest.Connection}/v1/chat/completions"
                : $"{GatewayUnderTest.AnthropicConnection}/v1/messages"), gateway.Credential);
            cpu = gateway.Process.CpuTime - cpu;
            await SettleAsync();
        }

        var requests = sessions.SelectMany(s => s.Requests).ToList();
        var result = new ConversationResult
        {
            Target = setup.Name,
            Sessions = sessions.Count,
            Exchanges = sent.Latencies.Count,
            Errors = sent.Errors,
            RequestBytes = requests.Sum(b => (long)b.Length),
            LargestRequest = requests.Max(b => b.Length),
            DistinctBytes = distinct,
            StoreGrowth = StoreSize.Read(gateway.Database) - before,
            CpuPerRequest = cpu.TotalMicroseconds / Math.Max(1, sent.Latencies.Count),
            P50 = Percentile(sent.Latencies, 0.50),
            P99 = Percentile(sent.Latencies, 0.99),
        };
        Console.Error.WriteLine($"agent sessions, {setup.Name}: {result.Exchanges} exchanges, {result.Errors} errors, {result.RequestBytes / 1024.0:N0} KB sent, " +
            $"distinct {result.DistinctBytes / 1024.0:N0} KB, store grew {result.StoreGrowth / 1024.0:N0} KB ({result.GrowthOverDistinct:N2}x distinct)");
        var (intact, verdict) = await gateway.VerifyAsync();
        var count = AuditCount.Read(gateway.Database);
        r.Audits.Add(new GatewayAudit(setup.Name, result.Exchanges, requests.Count, count, intact, verdict));
        return result;
    }

    private static Target Chat(GatewayUnderTest gateway, string name) =>
        new(name, new Uri(gateway.BaseUrl, $"{GatewayUnderTest.Connection}/v1/chat/completions"),
            new Dictionary<string, string> { ["Authorization"] = $"Bearer {gateway.Credential}" }, () => gateway.Process.CpuTime, () => gateway.Process.ResidentBytes);

    /// <summary>Lets the exchanges cut off when the load stopped write their outcomes before the graceful stop.</summary>
    private static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(1));

    private static long Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<GatewayAudit> CheckAsync(GatewayUnderTest gateway, string name, List<LoadResult> loads, StreamResult? stream, HeldStreams? held)
    {
        var received = loads.Sum(r => r.Requests + r.WarmupRequests) + (stream is null ? 0 : stream.Completed + stream.WarmupCompleted) + (held?.Completed ?? 0);
        var sent = loads.Sum(r => r.Sent + r.WarmupSent) + (stream is null ? 0 : stream.Completed + stream.Errors + stream.WarmupCompleted + stream.WarmupErrors) + (held?.Opened ?? 0);
        var (intact, verdict) = await gateway.VerifyAsync();
        return new GatewayAudit(name, received, sent, AuditCount.Read(gateway.Database), intact, verdict);
    }

    private static TimeSpan Half(TimeSpan span) => TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds / 2));

    /// <summary>This program, as it was started (the apphost, or <c>dotnet</c> with this assembly).</summary>
    internal static (string File, string[] Args) Self()
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
