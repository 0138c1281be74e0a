using System.Globalization;
using Gatehouse.LoadBench.Agent;

namespace Gatehouse.LoadBench;

/// <summary>
/// The profile behind docs/designs/data-path-profile.md: the everything-on gateway (OIDC token from
/// <see cref="BenchIssuer"/>, masking both ways,
/// policy, durable audit) under the small load and then the agent's 49 KB first request, each traced with
/// <c>dotnet-trace</c> while wrk loads it. Writes one <c>.nettrace</c> per load into the output folder and prints the CPU
/// per request measured in the same window (tracing costs a little, so the bench run's figures are the reference).
/// Before the traces it measures, untraced under the same loads, bare YARP's CPU per request and the gateway's, the
/// reference for the design note's layer table.
/// </summary>
internal static class ProfileRun
{
    public static async Task<int> RunAsync(BenchOptions options, string output, string dotnetTrace)
    {
        var gatehouseDll = Path.GetFullPath(options.GatehousePath);
        Directory.CreateDirectory(output);
        var directory = Path.Combine(Path.GetTempPath(), "gatehouse-profile", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var payloads = ChatPayloads.Create(options.BodySize);
            var (sessions, _) = AgentSession.Create(payloads);
            var upstreamPort = FreePort.Next();
            await using var upstream = await FakeUpstream.StartAsync(upstreamPort, payloads, options);
            var loads = new[]
            {
                ("small", payloads.Request),
                ("agent49", System.Text.Encoding.UTF8.GetString(sessions[0].Requests[0])),
            };

            // The reference for the layer table: bare YARP's CPU per request under the same loads, in the same sitting.
            var yarpPort = FreePort.Next();
            var (self, selfArgs) = LoadRun.Self();
            await using (var yarpProcess = ChildProcess.Start(self, [.. selfArgs, "yarp", yarpPort.ToString(CultureInfo.InvariantCulture), $"http://127.0.0.1:{upstreamPort}/"],
                Path.Combine(directory, "yarp.log")))
            {
                var yarpUrl = new Uri($"http://127.0.0.1:{yarpPort}/");
                await yarpProcess.WaitReadyAsync(yarpUrl);
                var yarp = new Target("bare YARP", new Uri(yarpUrl, "v1/chat/completions"), new Dictionary<string, string>(), () => yarpProcess.CpuTime, null);
                foreach (var (name, body) in loads)
                {
                    Console.WriteLine($"bare YARP {name}: {await CpuPerRequestAsync(new WrkLoad(options, body, directory), yarp, options)}");
                }
            }

            await using var issuer = await BenchIssuer.StartAsync(gatehouseDll, directory);
            var gateway = await GatewayUnderTest.StartAsync(gatehouseDll, directory, FreePort.Next(), upstreamPort, options.Kind, GatewaySetup.EverythingOn, issuer);
            await using (gateway.Process)
            {
                var target = new Target(GatewaySetup.EverythingOn.Name, new Uri(gateway.BaseUrl, $"{GatewayUnderTest.Connection}/v1/chat/completions"),
                    new Dictionary<string, string> { ["Authorization"] = $"Bearer {gateway.Credential}" }, () => gateway.Process.CpuTime, null);
                foreach (var (name, body) in loads)
                {
                    var wrk = new WrkLoad(options, body, directory);
                    Console.WriteLine($"gateway {name}, untraced: {await CpuPerRequestAsync(wrk, target, options)}");
                    var trace = Path.Combine(Path.GetFullPath(output), $"{name}.nettrace");
                    var seconds = (int)Math.Ceiling(options.Duration.TotalSeconds);
                    string[] traceArgs =
                    [
                        "collect", "-p", gateway.Process.Id.ToString(CultureInfo.InvariantCulture), "-o", trace,
                        "--profile", "dotnet-sampled-thread-time",
                        "--duration", TimeSpan.FromSeconds(seconds + 2).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture),
                    ];
                    var tracing = ChildProcess.RunAsync(dotnetTrace, traceArgs);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    var before = target.Cpu();
                    var result = await wrk.RunAsync(target, options.Concurrency, options.Duration);
                    var cpu = (target.Cpu() - before).TotalMicroseconds / Math.Max(1, result.Requests);
                    var (exit, traceOutput, traceError) = await tracing;
                    if (exit != 0)
                    {
                        throw new InvalidOperationException($"dotnet-trace failed ({exit}): {traceError}{traceOutput}");
                    }

                    Console.WriteLine($"{name}: {result.PerSecond:N0} requests/s, {cpu:N0} µs CPU per request while traced, {result.Errors} errors; trace {trace}");
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    // Warms the target up, then loads it for the run's duration: requests per second and CPU per request.
    private static async Task<string> CpuPerRequestAsync(WrkLoad wrk, Target target, BenchOptions options)
    {
        await wrk.RunAsync(target, options.Concurrency, options.Warmup);
        var before = target.Cpu();
        var result = await wrk.RunAsync(target, options.Concurrency, options.Duration);
        var cpu = (target.Cpu() - before).TotalMicroseconds / Math.Max(1, result.Requests);
        return $"{result.PerSecond:N0} requests/s, {cpu:N0} µs CPU per request, {result.Errors} errors";
    }
}
