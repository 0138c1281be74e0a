namespace Gatehouse.Gateway.Configuration;

/// <summary>The retention job: the default periods of every connection, how often it runs and its batch size.</summary>
public sealed record AuditRetentionConfig
{
    /// <summary>Gets how long prompt and response bodies are kept by default; the default is for ever.</summary>
    public RetentionPeriod Bodies { get; init; } = RetentionPeriod.Forever;

    /// <summary>Gets how long records are kept by default before they become tombstones; the default is for ever.</summary>
    /// <remarks>Removing records needs <c>audit.checkpoints</c>: a signed checkpoint vouches for each tombstone.</remarks>
    public RetentionPeriod Records { get; init; } = RetentionPeriod.Forever;

    /// <summary>Gets how often the job runs; the default is 1 hour.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Gets the most exchanges changed in one write transaction; the default is 500.</summary>
    public int BatchSize { get; init; } = 500;
}
