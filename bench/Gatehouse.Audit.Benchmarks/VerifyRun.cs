using System.Diagnostics;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>Time to verify a log of N entries (half intents, half outcomes, bodies present).</summary>
internal static class VerifyRun
{
    private const int FillBatch = 10_000;

    public static async Task<(TimeSpan Fill, TimeSpan Verify, TimeSpan Cpu, AuditVerification Result)> RunAsync(string directory, int entries)
    {
        var path = Path.Combine(directory, "verify.db");
        await using var store = SqliteStore.Open(path);
        var time = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var fillStarted = Stopwatch.GetTimestamp();
        var drafts = new List<AuditEntryDraft>(FillBatch);
        for (var i = 0; i < entries; i += 2)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            drafts.Add(AuditEntryCodec.ForIntent(SampleExchanges.Intent(id), time));
            drafts.Add(AuditEntryCodec.ForOutcome(SampleExchanges.Outcome(id), time));
            if (drafts.Count >= FillBatch)
            {
                await store.AppendAsync(drafts, CancellationToken.None);
                drafts.Clear();
            }
        }

        await store.AppendAsync(drafts, CancellationToken.None);
        var fill = Stopwatch.GetElapsedTime(fillStarted);

        // CPU time is reported beside wall time because this machine's cores are shared and wall time is noisy.
        var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
        var verifyStarted = Stopwatch.GetTimestamp();
        var result = await new AuditVerifier(store).VerifyAsync(CancellationToken.None);
        var wall = Stopwatch.GetElapsedTime(verifyStarted);
        return (fill, wall, Process.GetCurrentProcess().TotalProcessorTime - cpuStarted, result);
    }
}
