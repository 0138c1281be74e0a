using System.Diagnostics;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>Time to verify a log of N entries (half intents, half outcomes, bodies present).</summary>
internal static class VerifyRun
{
    public static async Task<(TimeSpan Fill, TimeSpan Verify, TimeSpan Cpu, AuditVerification Result)> RunAsync(string directory, int entries)
    {
        var path = Path.Combine(directory, "verify.db");
        await using var store = SqliteStore.Open(path);
        var fillStarted = Stopwatch.GetTimestamp();
        await LogFill.FillAsync(store, entries);
        var fill = Stopwatch.GetElapsedTime(fillStarted);

        // CPU time is reported beside wall time because this machine's cores are shared and wall time is noisy.
        var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
        var verifyStarted = Stopwatch.GetTimestamp();
        var result = await new AuditVerifier(store).VerifyAsync(CancellationToken.None);
        var wall = Stopwatch.GetElapsedTime(verifyStarted);
        return (fill, wall, Process.GetCurrentProcess().TotalProcessorTime - cpuStarted, result);
    }
}
