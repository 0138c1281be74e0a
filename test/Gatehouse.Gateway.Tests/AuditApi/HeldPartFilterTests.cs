using Gatehouse.Audit.Records;
using Gatehouse.Control.AuditApi;

namespace Gatehouse.Gateway.Tests.AuditApi;

public sealed class HeldPartFilterTests
{
    [Theory]
    [InlineData(ResponseHoldOutcome.Released, false)]
    [InlineData(ResponseHoldOutcome.Approved, false)]
    [InlineData(ResponseHoldOutcome.Held, true)]
    [InlineData(ResponseHoldOutcome.Rejected, true)]
    [InlineData(ResponseHoldOutcome.TimedOut, true)]
    [InlineData(ResponseHoldOutcome.Cancelled, true)]
    [InlineData(ResponseHoldOutcome.Denied, true)]
    [InlineData(ResponseHoldOutcome.Refused, true)]
    [InlineData(ResponseHoldOutcome.Abandoned, true)]
    [InlineData(ResponseHoldOutcome.Unknown, true)]
    public void WasWithheld_OnlyAReleasedOrApprovedResponseReachedTheRequester(ResponseHoldOutcome outcome, bool withheld)
    {
        var record = new ExchangeOutcome
        {
            ExchangeId = "ex-1",
            CompletedAt = DateTimeOffset.UnixEpoch,
            ResponseHold = new AuditResponseHold(outcome, null, ["r"], 1, 1),
        };

        Assert.Equal(withheld, HeldPartFilter.WasWithheld(record));
    }
}
