using CsCheck;
using Gatehouse.Export.Running;
using Gatehouse.Testing;

namespace Gatehouse.Export.Tests.Running;

public sealed class ExportBackoffTests
{
    [Fact]
    public void Next_AnySeedAndFailureCount_WaitsBetweenHalfAndAllOfTheCappedDoubling()
    {
        Gen.Select(Gen.Double[0, 1], Gen.Int[1, 40]).ForAll((jitter, failures) =>
        {
            var options = new ExportRunOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(60), Jitter = () => jitter };
            var backoff = new ExportBackoff(options);
            var delay = TimeSpan.Zero;
            for (var i = 0; i < failures; i++)
            {
                delay = backoff.Next();
            }

            var ceiling = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures - 1)));
            Assert.InRange(delay, ceiling / 2, ceiling);
        });
    }

    [Fact]
    public void Reset_AfterFailures_StartsAgainFromTheInitialWait()
    {
        var backoff = new ExportBackoff(new ExportRunOptions { InitialBackoff = TimeSpan.FromSeconds(1) });
        for (var i = 0; i < 10; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.InRange(backoff.Next(), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
    }
}
