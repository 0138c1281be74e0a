using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gatehouse.ProxyBench;

/// <summary>
/// The same chat request to the same connection, by base URL and through the forward proxy (intercepted, keep-alive),
/// in alternating rounds of one run; then the cost of a new tunnel (CONNECT + TLS handshake) per request.
/// </summary>
internal static class ProxyLoad
{
    private const string Body = """{"model":"gpt-test","messages":[{"role":"user","content":"write an add function in C#"}]}""";
    private const int Rounds = 3;

    public static async Task<int> RunAsync(Uri gateway, Uri proxy, string key, string caFile, TimeSpan duration, int concurrency, int handshakes)
    {
        using var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(caFile));
        var direct = new Uri(gateway, "openai/v1/chat/completions");
        var intercepted = new Uri("https://api.openai.com/v1/chat/completions");
        using var directClient = Direct(key, concurrency);
        using var proxiedClient = Proxied(proxy, key, ca, concurrency);

        // Warm both paths (JIT, connection pools, the leaf cache) before anything is measured.
        await LoadAsync(directClient, direct, TimeSpan.FromSeconds(2), concurrency);
        await LoadAsync(proxiedClient, intercepted, TimeSpan.FromSeconds(2), concurrency);

        var directRuns = new List<Run>();
        var proxiedRuns = new List<Run>();
        for (var round = 0; round < Rounds; round++)
        {
            directRuns.Add(await LoadAsync(directClient, direct, duration, concurrency));
            proxiedRuns.Add(await LoadAsync(proxiedClient, intercepted, duration, concurrency));
        }

        var sequentialDirect = await SequentialAsync(() => directClient, direct, handshakes);
        var sequentialProxied = await SequentialAsync(() => proxiedClient, intercepted, handshakes);
        var freshProxied = await SequentialAsync(() => Proxied(proxy, key, ca, 1), intercepted, handshakes, dispose: true);

        var d = Median(directRuns);
        var p = Median(proxiedRuns);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"| path | requests/s | p50 ms | p99 ms |"));
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(string.Create(c, $"| by base URL ({concurrency} concurrent, keep-alive) | {d.PerSecond:F0} | {d.P50:F2} | {d.P99:F2} |"));
        Console.WriteLine(string.Create(c, $"| through the proxy, intercepted ({concurrency} concurrent, keep-alive) | {p.PerSecond:F0} | {p.P50:F2} | {p.P99:F2} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"proxied/direct requests/s: {p.PerSecond / d.PerSecond:F2}x (median of {Rounds} alternating rounds of {duration.TotalSeconds:F0} s)"));
        Console.WriteLine(string.Create(c, $"added latency at load (p50): {p.P50 - d.P50:F2} ms"));
        Console.WriteLine(string.Create(c, $"one request at a time, keep-alive, median of {handshakes}: direct {sequentialDirect:F2} ms, proxied {sequentialProxied:F2} ms (added {sequentialProxied - sequentialDirect:F2} ms)"));
        Console.WriteLine(string.Create(c, $"new tunnel per request (CONNECT + auth + TLS handshake + request), median of {handshakes}: {freshProxied:F2} ms; handshake cost {freshProxied - sequentialProxied:F2} ms"));
        return 0;
    }

    private static HttpClient Direct(string key, int concurrency)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static HttpClient Proxied(Uri proxy, string key, X509Certificate2 ca, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            Proxy = new WebProxy(proxy) { Credentials = new NetworkCredential("bench", key) },
            UseProxy = true,
            PreAuthenticate = true,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, errors) => ChainsTo(ca, certificate, errors) },
        };
        var client = new HttpClient(handler);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "client-side-unused");
        return client;
    }

    private static bool ChainsTo(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is not X509Certificate2 leaf || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private static async Task<Run> LoadAsync(HttpClient client, Uri target, TimeSpan duration, int concurrency)
    {
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async i =>
        {
            var mine = latencies[i] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await SendAsync(client, target);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Run(all.Length / clock.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static async Task<double> SequentialAsync(Func<HttpClient> client, Uri target, int count, bool dispose = false)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var http = client();
            var started = Stopwatch.GetTimestamp();
            await SendAsync(http, target);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (dispose)
            {
                http.Dispose();
            }
        }

        Array.Sort(times);
        return Percentile(times, 0.5);
    }

    private static async Task SendAsync(HttpClient client, Uri target)
    {
        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(target, content);
        await response.Content.CopyToAsync(Stream.Null);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{target} answered {(int)response.StatusCode}");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static Run Median(List<Run> runs) => runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);

    private sealed record Run(double PerSecond, double P50, double P99);
}
