using System.Diagnostics;

namespace Gatehouse.LoadBench;

/// <summary>Loads direct, bare YARP and Gatehouse in turn with the same pass, sampling each server's CPU time.</summary>
internal sealed class PassRunner(WrkLoad wrk, Uri direct, Uri yarp, ChildProcess yarpProcess, GatewayUnderTest gateway, Uri gatehouse)
{
    public async Task<PassResult> RunAsync(LoadPass pass)
    {
        var directResult = await MeasureAsync(pass, "direct", direct, null, () => Process.GetCurrentProcess().TotalProcessorTime);
        var yarpResult = await MeasureAsync(pass, "bare YARP", yarp, null, () => yarpProcess.CpuTime);

        var warm = await wrk.RunAsync("Gatehouse warm-up", gatehouse, gateway.ApiKey, pass.Concurrency, pass.Warmup);
        var before = AuditCount.LastSequence(gateway.Database);
        var gatehouseResult = await MeasureAsync(pass, "Gatehouse", gatehouse, gateway.ApiKey, () => gateway.Process.CpuTime, warmup: false);
        var entries = AuditCount.LastSequence(gateway.Database) - before;
        return new PassResult
        {
            Pass = pass,
            Direct = directResult,
            Yarp = yarpResult,
            Gatehouse = gatehouseResult,
            GatehouseSent = warm.Sent + gatehouseResult.Sent,
            GatehouseReceived = warm.Requests + gatehouseResult.Requests,
            AuditEntriesPerSecond = entries / gatehouseResult.Seconds,
        };
    }

    private async Task<LoadResult> MeasureAsync(LoadPass pass, string target, Uri url, string? apiKey, Func<TimeSpan> cpu, bool warmup = true)
    {
        if (warmup)
        {
            await wrk.RunAsync(target + " warm-up", url, apiKey, pass.Concurrency, pass.Warmup);
        }

        var before = cpu();
        var result = await wrk.RunAsync(target, url, apiKey, pass.Concurrency, pass.Duration);
        result = result with { CpuPerRequest = (cpu() - before).TotalMicroseconds / Math.Max(1, result.Requests) };
        Console.Error.WriteLine($"{pass.Name}, {target}: {result.PerSecond:N0} requests/s, p50 {result.P50 / 1000.0:N2} ms, " +
            $"p99 {result.P99 / 1000.0:N2} ms, {result.CpuPerRequest:N0} us CPU/request, {result.Errors} errors");
        return result;
    }
}
