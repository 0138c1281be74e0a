using Gatehouse.Export.Webhooks;

namespace Gatehouse.Export.Tests.Webhooks;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 0.5, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(3, 2, 4)]
    [InlineData(4, 4, 8)]
    [InlineData(6, 15, 30)]
    [InlineData(40, 15, 30)]
    public void Delay_AfterFailures_DoublesWithinItsJitterBand_UpToTheCap(int failures, double lowSeconds, double highSeconds)
    {
        var low = RetryBackoff.Delay(failures, BaseDelay, MaxDelay, 0);
        var high = RetryBackoff.Delay(failures, BaseDelay, MaxDelay, 0.999999999);

        Assert.Equal(TimeSpan.FromSeconds(lowSeconds), low);
        Assert.InRange(high.TotalSeconds, highSeconds - 0.001, highSeconds);
    }

    [Fact]
    public void Delay_RandomUnits_StayInsideTheBand()
    {
        for (var i = 0; i < 1000; i++)
        {
            var delay = RetryBackoff.Delay(3, BaseDelay, MaxDelay, i / 1000.0);
            Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        }
    }
}
