using System.Text;
using Gatehouse.Audit.Payloads;

namespace Gatehouse.Audit.Tests.Records;

/// <summary>An outcome record with a response hold reads back and writes again as the same bytes, whatever the outcome.</summary>
public sealed class ResponseHoldJsonTests
{
    // Written by the gateway before the hold's outcome was an enum: stores hold records like this, byte for byte.
    private const string Golden =
        """{"exchangeId":"ex-1","completedAt":"2026-03-01T09:30:02+00:00","status":200,"durationMs":2000.5,"toolCalls":[],"responseBytes":0,"findings":[],"coverage":["identity","audit"],"failure":"approval_rejected","responseHold":{"outcome":"OUTCOME","approvalId":"apr_1","rules":["hold-shell"],"heldBytes":42,"heldMs":1500.5}}""";

    [Theory]
    [InlineData("held")]
    [InlineData("released")]
    [InlineData("approved")]
    [InlineData("rejected")]
    [InlineData("timed_out")]
    [InlineData("cancelled")]
    [InlineData("denied")]
    [InlineData("refused")]
    [InlineData("abandoned")]
    public void StoredOutcome_ReadBackAndWrittenAgain_IsTheSameJson(string outcome)
    {
        var stored = Encoding.UTF8.GetBytes(Golden.Replace("OUTCOME", outcome, StringComparison.Ordinal));

        var decoded = AuditEntryCodec.DecodeOutcome(stored, null);
        var written = AuditEntryCodec.ForOutcome(decoded, decoded.CompletedAt);

        Assert.Equal(Encoding.UTF8.GetString(stored), Encoding.UTF8.GetString(written.Payload));
    }
}
