using Gatehouse.Storage;

namespace Gatehouse.Gateway.Configuration;

/// <summary>The audit trail's settings.</summary>
public sealed record AuditConfig
{
    /// <summary>Gets what happens when the audit cannot be written; the default, closed, refuses the request with 503.</summary>
    public AuditFailureMode FailureMode { get; init; } = AuditFailureMode.Closed;

    /// <summary>
    /// Gets what an intent has survived before the request is forwarded; the default, fsync, is on disk (survives a
    /// power loss); process is in the database's log (survives any crash of the gateway process).
    /// </summary>
    public StoreDurability Durability { get; init; } = StoreDurability.Fsync;

    /// <summary>Gets, with process durability, how often the log is synced to disk; the default is 10 ms.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Gets the most bytes of an opaque body kept in the audit; the default is 65,536.</summary>
    public int BodyCapBytes { get; init; } = 65_536;

    /// <summary>Gets the most characters of prompt or response text kept; the default is 1,048,576.</summary>
    public int TextCapChars { get; init; } = 1_048_576;

    /// <summary>Gets the write queue's capacity; the default is 8,192 entries.</summary>
    public int QueueCapacity { get; init; } = 8_192;

    /// <summary>Gets the most entries committed in one transaction; the default is 512.</summary>
    public int MaxBatch { get; init; } = 512;

    /// <summary>Gets the signed checkpoints the gateway emits; the default, null, emits none.</summary>
    public CheckpointConfig? Checkpoints { get; init; }

    /// <summary>Gets the retention job's defaults and schedule; the default keeps everything for ever.</summary>
    public AuditRetentionConfig Retention { get; init; } = new();
}
