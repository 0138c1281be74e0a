using System.Globalization;
using Gatehouse.LoadBench.Agent;

namespace Gatehouse.LoadBench;

/// <summary>
/// The profile behind docs/designs/data-path-profile.md: the everything-on gateway (OIDC token, masking both ways,
/// policy, durable audit) under the small load and then the agent's 49 KB first request, each traced with
/// <c>dotnet-trace</c> while wrk loads it. Writes one <c>.nettrace</c> per load into the output folder and prints the CPU
/// per request measured in the same window (tracing costs a little, so the bench run's figures are the reference).
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
            var gateway = await GatewayUnderTest.StartAsync(gatehouseDll, directory, FreePort.Next(), upstreamPort, options.Kind, GatewaySetup.EverythingOn);
            await using (gateway.Process)
            {
                var target = new Target(GatewaySetup.EverythingOn.Name, new Uri(gateway.BaseUrl, $"{GatewayUnderTest.Connection}/v1/chat/completions"),
                    new Dictionary<string, string> { ["Authorization"] = $"Bearer {gateway.Credential}" }, () => gateway.Process.CpuTime, null);
                var loads = new[]
                {
                    ("small", payloads.Request),
                    ("agent49", System.Text.Encoding.UTF8.GetString(sessions[0].Requests[0])),
                };
                foreach (var (name, body) in loads)
                {
                    var wrk = new WrkLoad(options, body, directory);
                    await wrk.RunAsync(target, options.Concurrency, options.Warmup);
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
}
