using Gatehouse.CrashTest;

namespace Gatehouse.ReliabilityTests;

public sealed class CrashConsistencyTests
{
    [Theory]
    [InlineData("fsync")]
    [InlineData("process")]
    public async Task TwentySigkillsUnderStreamingLoad_AuditStaysCompleteRecoveredAndVerifiable(string durability)
    {
        var progress = new StringWriter();

        var report = await CrashRun.RunAsync(new CrashOptions { Kills = 20, Seed = 20261125, Durability = durability }, progress, TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(report.Table());
        Assert.True(report.Passed, progress.ToString() + report.Table());
        Assert.Equal(21, report.Cycles.Count);

        // The kills must have landed mid-exchange (or the checks prove nothing), and the client must have finished streams.
        Assert.True(report.Recovered > 0, "no kill interrupted an exchange");
        Assert.True(report.Completed > 0, "no stream completed");
        Assert.All(report.Cycles, c => Assert.Equal(0, c.VerifyExit));
        Assert.True(report.Intents >= report.Completed + report.Recovered - report.Cycles[^1].OutcomeLost,
            "fewer intents than completed and interrupted exchanges");
    }
}
