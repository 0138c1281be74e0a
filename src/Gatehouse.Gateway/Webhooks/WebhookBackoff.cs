namespace Gatehouse.Gateway.Webhooks;

/// <summary>Exponential backoff with jitter between delivery attempts.</summary>
internal static class WebhookBackoff
{
    /// <summary>
    /// Returns the wait after <paramref name="failedAttempts"/> failures: half of <c>base × 2^(failures−1)</c> (capped)
    /// plus a random share of the other half, so receivers that recover are not hit by every sender at once.
    /// </summary>
    /// <param name="failedAttempts">Attempts made so far, 1 or more.</param>
    /// <param name="options">The base and the cap.</param>
    /// <param name="unit">A random number in [0, 1).</param>
    public static TimeSpan Delay(int failedAttempts, WebhookDeliveryOptions options, double unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ceiling = Math.Min(options.BaseDelay.Ticks * Math.Pow(2, exponent), options.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)((ceiling / 2) + (ceiling / 2 * Math.Clamp(unit, 0, 1))));
    }
}
