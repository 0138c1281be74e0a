namespace Gatehouse.Audit.Retention;

/// <summary>Names a signed checkpoint in a retention run's entry: the one that vouches for its tombstones.</summary>
/// <param name="TreeSize">The checkpoint's tree size.</param>
/// <param name="RootHash">The signed root, base64.</param>
/// <param name="KeyId">The signing key's id.</param>
public sealed record CheckpointReference(long TreeSize, string RootHash, string KeyId);
