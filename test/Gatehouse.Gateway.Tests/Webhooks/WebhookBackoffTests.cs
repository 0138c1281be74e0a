using Gatehouse.Gateway.Webhooks;

namespace Gatehouse.Gateway.Tests.Webhooks;

public sealed class WebhookBackoffTests
{
    private static readonly WebhookDeliveryOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(1, 0.5, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(3, 2, 4)]
    [InlineData(4, 4, 8)]
    [InlineData(6, 15, 30)]
    [InlineData(40, 15, 30)]
    public void Delay_AfterFailures_DoublesWithinItsJitterBand_UpToTheCap(int failures, double lowSeconds, double highSeconds)
    {
        var low = WebhookBackoff.Delay(failures, Options, 0);
        var high = WebhookBackoff.Delay(failures, Options, 0.999999999);

        Assert.Equal(TimeSpan.FromSeconds(lowSeconds), low);
        Assert.InRange(high.TotalSeconds, highSeconds - 0.001, highSeconds);
    }

    [Fact]
    public void Delay_RandomUnits_StayInsideTheBand()
    {
        for (var i = 0; i < 1000; i++)
        {
            var delay = WebhookBackoff.Delay(3, Options, i / 1000.0);
            Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        }
    }
}
