namespace Gatehouse.LoadBench;

/// <summary>Loads one target with one pass: a warm-up, then the measured load, sampling the server's CPU time and memory.</summary>
internal sealed class Measurer(WrkLoad wrk)
{
    public async Task<LoadResult> RunAsync(LoadPass pass, Target target)
    {
        var warm = await wrk.RunAsync(target, pass.Concurrency, pass.Warmup);
        var before = target.Cpu();
        LoadResult result;
        long peak;
        await using (var rss = Rss.Sample(target.Resident))
        {
            result = await wrk.RunAsync(target, pass.Concurrency, pass.Duration);
            peak = rss.Peak;
        }

        result = result with
        {
            CpuPerRequest = (target.Cpu() - before).TotalMicroseconds / Math.Max(1, result.Requests),
            PeakResident = peak,
            WarmupSent = warm.Sent,
            WarmupRequests = warm.Requests,
        };
        Console.Error.WriteLine($"{pass.Name}, {target.Name}: {result.PerSecond:N0} requests/s, p50 {result.P50 / 1000.0:N2} ms, " +
            $"p99 {result.P99 / 1000.0:N2} ms, {result.CpuPerRequest:N0} us CPU/request, {result.Errors} errors");
        return result;
    }
}
