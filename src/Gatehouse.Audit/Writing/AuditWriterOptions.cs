namespace Gatehouse.Audit.Writing;

/// <summary>Tuning for <see cref="AuditWriter"/>.</summary>
public sealed record AuditWriterOptions
{
    /// <summary>Gets how many appends may wait for the writer; callers beyond it wait for space. Default 4096.</summary>
    public int QueueCapacity { get; init; } = 4096;

    /// <summary>Gets the most appends committed in one transaction. Default 512.</summary>
    public int MaxBatchSize { get; init; } = 512;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1);
    }
}
