namespace Gatehouse.Audit.Chain;

/// <summary>One content-addressed part of an entry's body: the SHA-256 of its bytes and the bytes themselves.</summary>
/// <param name="Hash">The SHA-256 of <paramref name="Content"/> as written; the part's address in the store.</param>
/// <param name="Content">The part's bytes (UTF-8 text), or null when the store no longer holds them.</param>
/// <remarks>A body is the concatenation of its parts in order; see <see cref="BodyParts"/>.</remarks>
public sealed record BodyPart(byte[] Hash, byte[]? Content);
