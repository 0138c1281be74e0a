using System.Globalization;

namespace Gatehouse.LoadBench;

/// <summary>
/// The built gateway run as its own process, exactly as deployed: a fresh SQLite store, audit on with the default
/// fail-closed mode, an OpenAI connection and an Anthropic connection to the fake upstream; clients identify with an API
/// key (<c>gatehouse keys create</c>), an RS256 token from an issuer the gateway trusts through <c>identity.oidc</c>
/// (<see cref="BenchIssuer"/>, another process), or, in development mode only, a token from its own issuer
/// (<c>serve --dev</c>, <c>dev token</c>).
/// </summary>
internal sealed class GatewayUnderTest
{
    public const string Connection = "bench";

    /// <summary>The Anthropic connection, for the agent sessions that speak Anthropic messages.</summary>
    public const string AnthropicConnection = "bench-anthropic";

    /// <summary>The group the development token carries, which the policy allows.</summary>
    public const string Group = "bench";

    /// <summary>The exit code of a gatehouse command whose configuration is invalid (usage error).</summary>
    private const int ConfigurationRefused = 2;

    /// <summary>The upstream credential the connections inject, from the environment as a deployment would give it.</summary>
    private static readonly Dictionary<string, string> Environment = new() { ["BENCH_UPSTREAM_KEY"] = "sk-upstream-bench" };

    private GatewayUnderTest(string gatehouseDll, string database, string credential, Uri baseUrl, ChildProcess process)
    {
        GatehouseDll = gatehouseDll;
        Database = database;
        Credential = credential;
        BaseUrl = baseUrl;
        Process = process;
    }

    public string GatehouseDll { get; }

    public string Database { get; }

    /// <summary>Gets what clients send as <c>Authorization: Bearer</c>: the API key or the token.</summary>
    public string Credential { get; }

    public Uri BaseUrl { get; }

    public ChildProcess Process { get; }

    public static Task<GatewayUnderTest> StartAsync(string gatehouseDll, string directory, int port, int upstreamPort, string kind, GatewayLayers layers) =>
        StartAsync(gatehouseDll, directory, port, upstreamPort, kind, GatewaySetup.Layer(layers), null);

    /// <summary>
    /// Starts the gateway; throws <see cref="GatewayRefusedException"/> with its own words when it refuses to start. An
    /// <see cref="GatewayIdentity.OidcToken"/> set-up needs <paramref name="issuer"/>, which it trusts and whose token its clients send.
    /// </summary>
    public static async Task<GatewayUnderTest> StartAsync(string gatehouseDll, string directory, int port, int upstreamPort, string kind, GatewaySetup setup, BenchIssuer? issuer)
    {
        if (setup.Identity == GatewayIdentity.OidcToken && issuer is null)
        {
            throw new ArgumentException($"{setup.Name} needs the benchmark's issuer", nameof(issuer));
        }

        directory = Path.Combine(directory, string.Concat(setup.Name.Where(char.IsLetterOrDigit)).ToLowerInvariant());
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "store", "gatehouse.db");
        var config = Path.Combine(directory, "gatehouse.yaml");
        var policy = Path.Combine(directory, "policy.yaml");
        await File.WriteAllTextAsync(policy, BenchPolicy.Yaml(Connection, AnthropicConnection, Group));
        await File.WriteAllTextAsync(config, Config(setup, port, upstreamPort, kind, database, policy, issuer));
        var dev = setup.Identity == GatewayIdentity.DevToken;
        var devFlag = dev ? new[] { "--dev" } : [];
        string credential;
        if (dev)
        {
            credential = await RunAsync(gatehouseDll, ["dev", "token", "--config", config, "--user", "bench@example.com", "--groups", Group, "--lifetime", "8h"]);
        }
        else if (setup.Identity == GatewayIdentity.OidcToken)
        {
            credential = issuer!.Token;
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
            credential = await RunAsync(gatehouseDll, ["keys", "create", "--name", "bench", "--owner", "bench@example.com", "--expires", "never", "--db", database]);
        }

        var log = Path.Combine(directory, "gatehouse.log");
        var process = ChildProcess.Start("dotnet", [gatehouseDll, "serve", .. devFlag, "--config", config], log, Environment);
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            await process.WaitReadyAsync(new Uri(baseUrl, "healthz"));
        }
        catch (InvalidOperationException)
        {
            await process.DisposeAsync();
            var said = File.ReadLines(log).Where(l => l.Trim().Length > 0).Take(3).Select(l => l.Trim());
            throw new GatewayRefusedException($"The gateway refused to start: {string.Join(" / ", said)}");
        }

        return new GatewayUnderTest(gatehouseDll, database, credential, baseUrl, process);
    }

    /// <summary>Runs <c>gatehouse audit verify</c> on the store and returns whether it passed, with its one-line verdict.</summary>
    public async Task<(bool Intact, string Verdict)> VerifyAsync()
    {
        var (exit, output, error) = await ChildProcess.RunAsync("dotnet", [GatehouseDll, "audit", "verify", "--db", Database]);
        return (exit == 0, (output + error).Trim());
    }

    private static string Config(GatewaySetup setup, int port, int upstreamPort, string kind, string database, string policy, BenchIssuer? issuer)
    {
        var masking = setup.Layers == GatewayLayers.Audit ? "\n    masking: { request: off, response: off }" : "";
        var policySection = setup.Layers == GatewayLayers.Policy ? $"\npolicy:\n  file: {policy}" : "";
        var dev = setup.Identity == GatewayIdentity.DevToken ? "dev: true\n" : "";
        var identity = setup.Identity == GatewayIdentity.OidcToken
            ? $"\nidentity:\n  oidc:\n    - issuer: {issuer!.IssuerUrl}\n      audiences: [{BenchIssuer.Audience}]\n      allowHttp: true"
            : "";
        var durability = setup.Durability is { } mode ? $"\n  durability: {mode}" : "";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {{dev}}server:
              urls: [http://127.0.0.1:{{port}}]
            connections:
              - name: {{Connection}}
                kind: {{kind}}
                upstream: http://127.0.0.1:{{upstreamPort}}
                credential: { header: Authorization, prefix: "Bearer ", env: BENCH_UPSTREAM_KEY }{{masking}}
              - name: {{AnthropicConnection}}
                kind: anthropic
                upstream: http://127.0.0.1:{{upstreamPort}}
                credential: { header: x-api-key, env: BENCH_UPSTREAM_KEY }{{masking}}
            storage:
              sqlite: {{database}}
            audit:
              failureMode: closed{{durability}}{{policySection}}{{identity}}
            """);
    }

    private static async Task<string> RunAsync(string gatehouseDll, string[] args)
    {
        var (exit, output, error) = await ChildProcess.RunAsync("dotnet", [gatehouseDll, .. args], Environment);
        if (exit == ConfigurationRefused)
        {
            var said = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new GatewayRefusedException($"The gateway refused its configuration: {string.Join(" / ", said.Skip(said.Length > 1 ? 1 : 0))}");
        }

        if (exit != 0)
        {
            throw new InvalidOperationException($"gatehouse {args[0]} {args[1]} failed ({exit}): {error.Trim()}");
        }

        return output.Trim();
    }
}
