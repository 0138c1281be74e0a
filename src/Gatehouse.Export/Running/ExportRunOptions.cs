namespace Gatehouse.Export.Running;

/// <summary>How a sink's loop waits: for new entries, and after a failure.</summary>
public sealed record ExportRunOptions
{
    /// <summary>Gets how long an idle sink waits before looking for new entries again; the default is 250 ms.</summary>
    /// <remarks>Idle looks are one primary-key range read each, so a short interval costs the data path nothing.</remarks>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets the first wait after a failure; the default is 1 second, doubling up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest wait between attempts; the default is 60 seconds.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the source of the jitter added to each wait, a number in [0, 1); the default draws from <see cref="Random.Shared"/>.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
}
