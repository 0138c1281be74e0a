using Gatehouse.Audit.Records;

namespace Gatehouse.Gateway.Approvals;

/// <summary>Why a hold was refused before any reviewer was asked: a per-caller cap, with its stable code and what to do.</summary>
internal sealed record HoldLimit(ExchangeFailureCode Code, string Detail)
{
    /// <summary>The limit answered when a caller already has <paramref name="cap"/> pending approval requests.</summary>
    public static HoldLimit TooManyPending(int cap) => new(
        ExchangeFailureCode.TooManyPending,
        $"You already have {cap} approval requests pending, the most one caller may have (limits.maxPendingPerCaller). "
        + "Ask a reviewer to decide them, or wait until they time out, then send this again.");
}
