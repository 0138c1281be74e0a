namespace Gatehouse.Audit.Checkpoints;

/// <summary>What checking the stored checkpoints against the log found wrong at the first bad one.</summary>
public enum CheckpointProblem
{
    /// <summary>Every checkpoint holds.</summary>
    None,

    /// <summary>The signature does not verify with the given public key, or names another key.</summary>
    BadSignature,

    /// <summary>The checkpoint covers fewer entries than the one before it: the two cannot both describe this log.</summary>
    Inconsistent,

    /// <summary>The checkpoint covers more entries than the log holds (the tail was cut).</summary>
    BeyondLog,

    /// <summary>The log's Merkle root at the checkpoint's size is not the signed root (an entry was edited, deleted or re-sealed).</summary>
    RootMismatch,
}
