namespace Gatehouse.Audit.Checkpoints;

/// <summary>Thrown when a checkpoint was signed under a lease that has since passed to another holder: it was not stored.</summary>
/// <remarks>An <see cref="InvalidOperationException"/>: the jobs that sign already log and retry those.</remarks>
public sealed class CheckpointFencedException : InvalidOperationException
{
    /// <summary>Initializes a new instance for <paramref name="fence"/>.</summary>
    public CheckpointFencedException(CheckpointFence fence)
        : base($"The lease '{fence?.LeaseName}' passed to another holder; this process no longer signs checkpoints.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    public CheckpointFencedException()
    {
    }

    /// <summary>Initializes a new instance with <paramref name="message"/>.</summary>
    public CheckpointFencedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with <paramref name="message"/> and <paramref name="innerException"/>.</summary>
    public CheckpointFencedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
