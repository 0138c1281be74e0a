using System.Globalization;
using System.Text.Json;

namespace Gatehouse.LoadBench;

/// <summary>
/// Loads one target with wrk: a closed loop of <c>concurrency</c> keep-alive connections, each sending the next request
/// as soon as the previous answer arrives. wrk records every latency in a microsecond histogram; a Lua script counts the
/// requests written, so the audit can be checked against them exactly.
/// </summary>
internal sealed class WrkLoad(BenchOptions options, string body, string workDirectory)
{
    private const string Marker = "WRKJSON ";

    public async Task<LoadResult> RunAsync(Target target, int concurrency, TimeSpan duration)
    {
        var url = target.Url;
        var script = Path.Combine(workDirectory, $"{string.Concat(target.Name.Where(char.IsLetterOrDigit))}.lua");
        await File.WriteAllTextAsync(script, Script(body, target.Headers));
        var seconds = Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
        var (exit, output, error) = await ChildProcess.RunAsync("wrk",
        [
            "-t", Math.Min(options.Threads, concurrency).ToString(CultureInfo.InvariantCulture),
            "-c", concurrency.ToString(CultureInfo.InvariantCulture),
            "-d", seconds, "--timeout", "10s", "-s", script, url.ToString(),
        ]);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (exit != 0 || line is null)
        {
            throw new InvalidOperationException($"wrk failed ({exit}): {error}{output}");
        }

        using var json = JsonDocument.Parse(line[Marker.Length..]);
        var r = json.RootElement;
        long Get(string name) => r.GetProperty(name).GetInt64();
        return new LoadResult
        {
            Target = target.Name,
            Requests = Get("requests"),
            Sent = Get("sent"),
            Seconds = Get("duration_us") / 1e6,
            Errors = Get("connect") + Get("read") + Get("write") + Get("status") + Get("timeout"),
            P50 = Get("p50"),
            P90 = Get("p90"),
            P99 = Get("p99"),
            Max = Get("max"),
        };
    }

    private static string Script(string body, IReadOnlyDictionary<string, string> headers)
    {
        var auth = string.Concat(headers.Select(h => $"wrk.headers[\"{h.Key}\"] = \"{h.Value}\"\n"));
        return $$"""
            wrk.method = "POST"
            wrk.body = [==[{{body}}]==]
            wrk.headers["Content-Type"] = "application/json"
            {{auth}}
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) sent = 0; req = wrk.format() end
            function request() sent = sent + 1; return req end
            function done(summary, latency, requests)
              local total = 0
              for _, t in ipairs(threads) do total = total + t:get("sent") end
              local e = summary.errors
              io.write(string.format('{{Marker}}{"requests":%d,"sent":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\n',
                summary.requests, total, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
            end
            """;
    }
}
