namespace Gatehouse.Export.Webhooks;

/// <summary>
/// The one backoff of Gatehouse's outgoing deliveries (notifications and SIEM export): exponential with equal jitter.
/// </summary>
/// <remarks>
/// The n-th consecutive failure waits a time in [d/2, d], d = <c>base × 2^(n−1)</c> capped at the maximum: half of
/// the ceiling is certain, the other half random, so senders whose receiver went down together do not retry in
/// lock-step, and no wait is ever shorter than half the schedule.
/// </remarks>
public static class RetryBackoff
{
    /// <summary>Returns the wait after <paramref name="failedAttempts"/> consecutive failures.</summary>
    /// <param name="failedAttempts">Failures so far, 1 or more.</param>
    /// <param name="baseDelay">The ceiling after the first failure; it doubles after each further one.</param>
    /// <param name="maxDelay">The cap on any ceiling.</param>
    /// <param name="unit">A random number in [0, 1); values outside are clamped.</param>
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ceiling = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        var half = ceiling / 2;
        return TimeSpan.FromTicks((long)(half + (half * Math.Clamp(unit, 0, 1))));
    }
}
