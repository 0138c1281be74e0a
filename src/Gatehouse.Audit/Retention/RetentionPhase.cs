namespace Gatehouse.Audit.Retention;

/// <summary>What a retention pass removes.</summary>
public enum RetentionPhase
{
    /// <summary>Prompt and response bodies; the entries and their body hashes stay.</summary>
    Bodies,

    /// <summary>Whole records, reduced to tombstones.</summary>
    Records,

    /// <summary><c>identity.refused</c> entries (refused callers, outside any connection), reduced to tombstones.</summary>
    Refusals,
}
