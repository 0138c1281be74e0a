using System.Diagnostics;
using System.Net;
using System.Text;

namespace Gatehouse.LoadBench;

/// <summary>
/// The streaming client: POSTs streamed chat requests and reads each answer's server-sent events to <c>[DONE]</c>,
/// timing the first byte and the end. wrk cannot tell the first byte of a body from the last, hence this client.
/// </summary>
internal sealed class StreamingClient : IDisposable
{
    private static readonly byte[] Done = Encoding.UTF8.GetBytes("data: [DONE]");

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    { Timeout = TimeSpan.FromMinutes(2) };

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Runs <paramref name="concurrency"/> closed loops of streamed requests for <paramref name="warmup"/>, unmeasured (so
    /// that the first streams do not time the runtime compiling the streaming path), then for <paramref name="duration"/>.
    /// </summary>
    public async Task<StreamResult> RunAsync(Target target, string body, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        var (warmCompleted, warmErrors) = await WarmAsync(target, body, concurrency, warmup);
        var firstBytes = new List<long>();
        var totals = new List<long>();
        long errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var (ok, first, total) = await OneAsync(target, body);
                lock (totals)
                {
                    if (ok)
                    {
                        firstBytes.Add(first);
                        totals.Add(total);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }
        });
        await Task.WhenAll(workers);
        firstBytes.Sort();
        totals.Sort();
        var result = new StreamResult
        {
            Target = target.Name,
            Completed = totals.Count,
            Errors = errors,
            FirstByteP50 = Percentile(firstBytes, 0.50),
            FirstByteP99 = Percentile(firstBytes, 0.99),
            TotalP50 = Percentile(totals, 0.50),
            TotalP99 = Percentile(totals, 0.99),
            WarmupCompleted = warmCompleted,
            WarmupErrors = warmErrors,
        };
        Console.Error.WriteLine($"streaming, {target.Name}: {result.Completed:N0} streams, first byte p50 {result.FirstByteP50 / 1000.0:N2} ms " +
            $"p99 {result.FirstByteP99 / 1000.0:N2} ms, total p50 {result.TotalP50 / 1000.0:N2} ms, {result.Errors} errors");
        return result;
    }

    private async Task<(long Completed, long Errors)> WarmAsync(Target target, string body, int concurrency, TimeSpan warmup)
    {
        long completed = 0;
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < warmup)
            {
                var (ok, _, _) = await OneAsync(target, body);
                if (ok)
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (completed, errors);
    }

    /// <summary>Opens <paramref name="streams"/> streams at once and reads them all to the end, sampling the target's memory.</summary>
    public async Task<HeldStreams> HoldAsync(Target target, string body, int streams)
    {
        var before = target.Resident?.Invoke() ?? 0;
        var clock = Stopwatch.StartNew();
        await using var rss = Rss.Sample(target.Resident);
        var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => OneAsync(target, body)));
        var held = new HeldStreams
        {
            Opened = streams,
            Completed = results.Count(r => r.Ok),
            Errors = results.Count(r => !r.Ok),
            ResidentBefore = before,
            ResidentPeak = rss.Peak,
            Elapsed = clock.Elapsed,
        };
        Console.Error.WriteLine($"{streams} concurrent streams, {target.Name}: {held.Completed} completed, {held.Errors} errors, " +
            $"resident {before / 1048576.0:N0} MB before, peak {held.ResidentPeak / 1048576.0:N0} MB, {held.Elapsed.TotalSeconds:N1} s");
        return held;
    }

    private static long Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private async Task<(bool Ok, long FirstByte, long Total)> OneAsync(Target target, string body)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in target.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[16 * 1024];
            var tail = new List<byte>();
            long first = -1;
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                if (first < 0)
                {
                    first = (long)clock.Elapsed.TotalMicroseconds;
                }

                tail.AddRange(buffer.AsSpan(0, read));
                if (tail.Count > 256)
                {
                    tail.RemoveRange(0, tail.Count - 256);
                }
            }

            var ok = response.IsSuccessStatusCode && tail.ToArray().AsSpan().IndexOf(Done) >= 0;
            return (ok, first, (long)clock.Elapsed.TotalMicroseconds);
        }
        catch (HttpRequestException)
        {
            return (false, 0, 0);
        }
        catch (IOException)
        {
            return (false, 0, 0);
        }
    }
}
