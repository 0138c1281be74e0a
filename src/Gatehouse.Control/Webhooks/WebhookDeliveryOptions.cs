namespace Gatehouse.Control.Webhooks;

/// <summary>How deliveries are paced: the backoff between attempts and how many run at once.</summary>
internal sealed record WebhookDeliveryOptions
{
    /// <summary>Gets the longest wait after the first failed attempt; it doubles after each further one. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the cap on any one wait; the default is 5 minutes.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how many deliveries may be in flight (or waiting to retry) at once; the default is 16.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Gets the source of the backoff's jitter, a number in [0, 1); the default is <see cref="Random.Shared"/>.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
}
