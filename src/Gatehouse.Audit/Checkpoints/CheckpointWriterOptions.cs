namespace Gatehouse.Audit.Checkpoints;

/// <summary>When the gateway signs a checkpoint, and where else it puts it.</summary>
public sealed record CheckpointWriterOptions
{
    /// <summary>Gets the longest time between checkpoints while entries keep arriving.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets how many new entries make a checkpoint due before <see cref="Interval"/> has passed.</summary>
    public long EveryEntries { get; init; } = 10_000;

    /// <summary>Gets a directory every checkpoint is also written to as a note file (for WORM storage), or null.</summary>
    public string? Directory { get; init; }
}
