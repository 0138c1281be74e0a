namespace Gatehouse.Audit.Verification;

/// <summary>What verification found wrong at the first bad sequence.</summary>
public enum AuditProblem
{
    /// <summary>The log is intact.</summary>
    None,

    /// <summary>An entry's fields no longer match its hash (edited metadata, index column, time, or a moved row).</summary>
    Edited,

    /// <summary>A body is present but no longer matches its recorded hash.</summary>
    BodyMismatch,

    /// <summary>A sequence number is missing (a row was deleted).</summary>
    Missing,

    /// <summary>A sequence number repeats or goes backwards (a row was inserted or reordered).</summary>
    OutOfOrder,

    /// <summary>An entry does not link to the one before it (a row was replaced or re-chained).</summary>
    ChainBroken,

    /// <summary>The stored head disagrees with the last entry (the tail was truncated or extended).</summary>
    HeadMismatch,

    /// <summary>A tombstone that no signed checkpoint reaches (or no public key was given to check one).</summary>
    TombstoneUncovered,

    /// <summary>A tombstone whose covering checkpoint does not hold: its stored hash was altered, or the checkpoint is not genuine.</summary>
    TombstoneUnproven,
}
