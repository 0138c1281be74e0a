namespace Gatehouse.Gateway.Configuration;

/// <summary>Signed checkpoints of the audit log's Merkle tree, emitted by the gateway as it runs.</summary>
public sealed record CheckpointConfig
{
    /// <summary>Gets the ECDSA P-256 private key (PEM) that signs checkpoints; make one with <c>gatehouse audit keygen</c>.</summary>
    public required string KeyFile { get; init; }

    /// <summary>Gets the longest time between checkpoints while entries are added; the default is 60 seconds.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the most entries between checkpoints; the default is 10,000.</summary>
    public long Entries { get; init; } = 10_000;

    /// <summary>Gets a folder each checkpoint is also written to (for WORM storage); the default is none.</summary>
    public string? Directory { get; init; }
}
