using System.Text;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;

namespace Gatehouse.Audit.Tests.Records;

public sealed class ResponseHoldOutcomeNamesTests
{
    [Fact]
    public void TryParse_EveryOutcomesName_GivesTheOutcomeBack()
    {
        foreach (var outcome in Enum.GetValues<ResponseHoldOutcome>())
        {
            Assert.True(ResponseHoldOutcomeNames.TryParse(outcome.ToName(), out var parsed), outcome.ToName());
            Assert.Equal(outcome, parsed);
        }
    }

    [Fact]
    public void Names_AreTheOnesStoredSinceHoldsWereRecorded_AndUnique()
    {
        Assert.Equal(
            ["held", "released", "approved", "rejected", "timed_out", "cancelled", "denied", "refused", "abandoned", "unknown"],
            ResponseHoldOutcomeNames.Names);
        Assert.Equal(ResponseHoldOutcomeNames.Names.Count, ResponseHoldOutcomeNames.Names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Approved")]
    [InlineData("timedOut")]
    [InlineData("TimedOut")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnyOtherText_IsRefused(string? text)
        => Assert.False(ResponseHoldOutcomeNames.TryParse(text, out _));

    [Fact]
    public void ToName_UndefinedValue_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ((ResponseHoldOutcome)(-1)).ToName());

    [Theory]
    [InlineData("escalated")]
    [InlineData("Approved")]
    public void StoredOutcome_NameThisBuildDoesNotKnow_ReadsAsUnknown(string name)
    {
        var stored = $$$"""{"exchangeId":"ex-1","completedAt":"2026-03-01T09:30:02+00:00","status":200,"durationMs":1,"toolCalls":[],"responseBytes":0,"findings":[],"coverage":[],"responseHold":{"outcome":"{{{name}}}","rules":["r"],"heldBytes":1,"heldMs":1}}""";

        var decoded = AuditEntryCodec.DecodeOutcome(Encoding.UTF8.GetBytes(stored), null);

        Assert.Equal(ResponseHoldOutcome.Unknown, decoded.ResponseHold!.Outcome);
        Assert.Equal(["r"], decoded.ResponseHold.Rules);
    }
}
