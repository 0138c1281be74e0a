using Gatehouse.Gateway.Decisions;

namespace Gatehouse.Gateway.Tests.Decisions;

/// <summary>The decision travels as an enum and is written as its stable audit name once; the names never change.</summary>
public sealed class ExchangeDecisionNamesTests
{
    [Theory]
    [InlineData(nameof(ExchangeDecision.Allow), "allow")]
    [InlineData(nameof(ExchangeDecision.Deny), "deny")]
    [InlineData(nameof(ExchangeDecision.Held), "held")]
    public void ToName_EachDecision_TheStableAuditName(string member, string name)
    {
        Assert.Equal(name, Enum.Parse<ExchangeDecision>(member).ToName());
    }

    [Fact]
    public void ToName_TryParse_RoundTripsEveryValueWithDistinctNames()
    {
        var values = Enum.GetValues<ExchangeDecision>();

        foreach (var decision in values)
        {
            Assert.True(ExchangeDecisionNames.TryParse(decision.ToName(), out var back));
            Assert.Equal(decision, back);
        }

        Assert.Equal(values.Length, values.Select(v => v.ToName()).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Allow")]
    [InlineData("require_approval")]
    public void TryParse_OtherStrings_False(string? name)
    {
        Assert.False(ExchangeDecisionNames.TryParse(name, out _));
    }

    [Fact]
    public void NewExchange_DefaultsToAllow_AsTheAuditRecordDid()
    {
        var exchange = new Gatehouse.Gateway.Exchanges.Exchange("x", TimeProvider.System, "POST");

        Assert.Equal("allow", exchange.Decision.ToName());
    }
}
