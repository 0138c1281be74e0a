using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Audit.Chain;

/// <summary>The rules of a body stored as content-addressed parts: how parts are made, joined and committed to.</summary>
/// <remarks>
/// <para>
/// A body is the plain concatenation of its parts in order (any separator belongs to a part), so the body a reader
/// sees is byte for byte the one that was written. A part is stored once however many entries refer to it.
/// </para>
/// <para>
/// The entry's body hash is then the manifest hash: for one part, that part's SHA-256, which is the SHA-256 of the
/// body exactly as a body stored whole has it; for several, SHA-256( "gatehouse.audit.parts.v1" ‖ count (4 bytes,
/// big-endian) ‖ each part's SHA-256 ). The entry hash covers it exactly as it covers a single body's hash, so the chain, the
/// Merkle leaves and proofs commit to every part's hash, retention can delete a part and keep the proof, and a
/// changed part fails every entry that refers to it (see <c>docs/designs/audit-content-addressed-bodies.md</c>).
/// </para>
/// </remarks>
public static class BodyParts
{
    private static readonly byte[] Domain = "gatehouse.audit.parts.v1"u8.ToArray();

    /// <summary>Encodes <paramref name="texts"/> as UTF-8 parts with their hashes.</summary>
    public static IReadOnlyList<BodyPart> FromTexts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var parts = new BodyPart[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            parts[i] = FromText(texts[i].AsMemory());
        }

        return parts;
    }

    /// <summary>
    /// Encodes the concatenation of <paramref name="segments"/> as one UTF-8 part with its hash, without joining them
    /// into a string first. The bytes are those of the joined string whenever no surrogate pair is split between two
    /// segments (a lone surrogate is encoded as U+FFFD either way).
    /// </summary>
    public static BodyPart FromText(params ReadOnlySpan<ReadOnlyMemory<char>> segments)
    {
        var length = 0;
        foreach (var segment in segments)
        {
            length += Encoding.UTF8.GetByteCount(segment.Span);
        }

        var content = new byte[length];
        var offset = 0;
        foreach (var segment in segments)
        {
            offset += Encoding.UTF8.GetBytes(segment.Span, content.AsSpan(offset));
        }

        return new BodyPart(SHA256.HashData(content), content);
    }

    /// <summary>Computes the manifest hash over the parts' hashes, in order.</summary>
    public static byte[] ManifestHash(IReadOnlyList<BodyPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1)
        {
            return parts[0].Hash;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(count, parts.Count);
        hash.AppendData(count);
        foreach (var part in parts)
        {
            hash.AppendData(part.Hash);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Joins the parts' contents, or returns null when any part's content is missing.</summary>
    /// <remarks>One part's content is returned as it is, not copied: a body and its parts are never written to.</remarks>
    public static byte[]? Join(IReadOnlyList<BodyPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1)
        {
            return parts[0].Content;
        }

        var length = 0;
        foreach (var part in parts)
        {
            if (part.Content is null)
            {
                return null;
            }

            length += part.Content.Length;
        }

        var body = new byte[length];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Content!.CopyTo(body, offset);
            offset += part.Content!.Length;
        }

        return body;
    }

    /// <summary>
    /// Returns whether <paramref name="parts"/> hold together under <paramref name="bodyHash"/>: the manifest hash
    /// equals it, and every part is present and hashes to its address.
    /// </summary>
    /// <remarks>An entry whose body retention removed refers to no parts at all; one that still refers to a part the
    /// store lost was tampered with.</remarks>
    public static bool Match(IReadOnlyList<BodyPart> parts, byte[]? bodyHash)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (bodyHash is null || !ManifestHash(parts).AsSpan().SequenceEqual(bodyHash))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var part in parts)
        {
            if (part.Content is null)
            {
                return false;
            }

            SHA256.HashData(part.Content, actual);
            if (!actual.SequenceEqual(part.Hash))
            {
                return false;
            }
        }

        return true;
    }
}
