namespace Gatehouse.Audit.Store;

/// <summary>An entry's sequence and stored hash: all the Merkle tree needs of it.</summary>
public readonly record struct EntryHash(long Sequence, byte[] Hash);
