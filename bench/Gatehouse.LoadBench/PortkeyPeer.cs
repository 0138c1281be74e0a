using System.Globalization;

namespace Gatehouse.LoadBench;

/// <summary>
/// The peer: Portkey's open-source gateway (<c>@portkey-ai/gateway</c> from npm) run with node, routing to the same fake
/// upstream as a custom OpenAI host. It only forwards here (no guardrails, caching or logging configured), so it is the
/// cheapest Portkey can be.
/// </summary>
internal static class PortkeyPeer
{
    public const string Name = "Portkey gateway";

    public static async Task<(ChildProcess Process, Target Target)> StartAsync(string entry, string directory, int port, Uri upstream)
    {
        if (!File.Exists(entry))
        {
            throw new FileNotFoundException($"{entry} not found; install it first: npm ci --prefix bench/load/portkey");
        }

        var process = ChildProcess.Start("node", [entry, $"--port={port.ToString(CultureInfo.InvariantCulture)}", "--headless"], Path.Combine(directory, "portkey.log"),
            new Dictionary<string, string> { ["TRUSTED_CUSTOM_HOSTS"] = "127.0.0.1,localhost", ["NODE_ENV"] = "production" });
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        await process.WaitReadyAsync(baseUrl);
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer sk-upstream-bench",
            ["x-portkey-provider"] = "openai",
            ["x-portkey-custom-host"] = new Uri(upstream, "v1").ToString(),
        };
        return (process, new Target(Name, new Uri(baseUrl, "v1/chat/completions"), headers, () => process.CpuTime, () => process.ResidentBytes));
    }
}
