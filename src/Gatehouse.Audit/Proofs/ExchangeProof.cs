using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Audit.Proofs;

/// <summary>Evidence, checkable offline with the public key alone, that an exchange's entries are in a signed log.</summary>
/// <param name="ExchangeId">The exchange proven.</param>
/// <param name="Checkpoint">The signed checkpoint whose tree holds the entries.</param>
/// <param name="Entries">The exchange's entries covered by the checkpoint, in sequence order.</param>
public sealed record ExchangeProof(string ExchangeId, Checkpoint Checkpoint, IReadOnlyList<ProvenEntry> Entries);
