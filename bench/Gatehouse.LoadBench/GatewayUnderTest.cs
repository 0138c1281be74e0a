using System.Globalization;

namespace Gatehouse.LoadBench;

/// <summary>
/// The built gateway run as its own process, exactly as deployed: API-key authentication against a fresh SQLite store,
/// audit on with the default fail-closed mode, one OpenAI connection to the fake upstream.
/// </summary>
internal sealed class GatewayUnderTest
{
    public const string Connection = "bench";

    private GatewayUnderTest(string gatehouseDll, string database, string apiKey, Uri baseUrl, ChildProcess process)
    {
        GatehouseDll = gatehouseDll;
        Database = database;
        ApiKey = apiKey;
        BaseUrl = baseUrl;
        Process = process;
    }

    public string GatehouseDll { get; }

    public string Database { get; }

    public string ApiKey { get; }

    public Uri BaseUrl { get; }

    public ChildProcess Process { get; }

    public static async Task<GatewayUnderTest> StartAsync(string gatehouseDll, string directory, int port, int upstreamPort, string kind, GatewayLayers layers)
    {
        directory = Path.Combine(directory, layers.ToString().ToLowerInvariant());
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "gatehouse.db");
        var config = Path.Combine(directory, "gatehouse.yaml");
        var policy = Path.Combine(directory, "policy.yaml");
        await File.WriteAllTextAsync(policy, BenchPolicy.Yaml(Connection));
        var masking = layers == GatewayLayers.Audit ? "\n    masking: { request: off, response: off }" : "";
        var policySection = layers == GatewayLayers.Policy ? $"\npolicy:\n  file: {policy}" : "";
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $$"""
            server:
              urls: [http://127.0.0.1:{{port}}]
            connections:
              - name: {{Connection}}
                kind: {{kind}}
                upstream: http://127.0.0.1:{{upstreamPort}}
                credential: { header: Authorization, prefix: "Bearer ", env: BENCH_UPSTREAM_KEY }{{masking}}
            storage:
              sqlite: {{database}}
            audit:
              failureMode: closed{{policySection}}
            """));

        var (exit, output, error) = await ChildProcess.RunAsync("dotnet", [gatehouseDll, "keys", "create", "--name", "bench", "--owner", "bench@example.com", "--expires", "never", "--db", database]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"gatehouse keys create failed ({exit}): {error}");
        }

        var process = ChildProcess.Start("dotnet", [gatehouseDll, "serve", "--config", config], Path.Combine(directory, "gatehouse.log"),
            new Dictionary<string, string> { ["BENCH_UPSTREAM_KEY"] = "sk-upstream-bench" });
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        await process.WaitReadyAsync(new Uri(baseUrl, "healthz"));
        return new GatewayUnderTest(gatehouseDll, database, output.Trim(), baseUrl, process);
    }

    /// <summary>Runs <c>gatehouse audit verify</c> on the store and returns whether it passed, with its one-line verdict.</summary>
    public async Task<(bool Intact, string Verdict)> VerifyAsync()
    {
        var (exit, output, error) = await ChildProcess.RunAsync("dotnet", [GatehouseDll, "audit", "verify", "--db", Database]);
        return (exit == 0, (output + error).Trim());
    }
}
