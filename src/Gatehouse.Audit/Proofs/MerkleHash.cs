using System.Security.Cryptography;

namespace Gatehouse.Audit.Proofs;

/// <summary>The RFC 9162 (Certificate Transparency v2) hashes: leaves and interior nodes, domain-separated.</summary>
/// <remarks>
/// A leaf is SHA-256(0x00 ‖ entry hash) and a node SHA-256(0x01 ‖ left ‖ right), so a leaf can never be passed off as
/// a node (the second-preimage attack on plain Merkle trees).
/// </remarks>
public static class MerkleHash
{
    /// <summary>The size of every hash in the tree, in bytes.</summary>
    public const int Size = SHA256.HashSizeInBytes;

    /// <summary>Gets the root of the empty tree: SHA-256 of no bytes.</summary>
    public static ReadOnlySpan<byte> EmptyRoot => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>Computes the leaf hash of an audit entry from its entry hash.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entryHash)
    {
        var leaf = new byte[Size];
        Leaf(entryHash, leaf);
        return leaf;
    }

    /// <summary>Writes the leaf hash of an audit entry into <paramref name="destination"/>.</summary>
    public static void Leaf(ReadOnlySpan<byte> entryHash, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[1 + Size];
        if (entryHash.Length != Size)
        {
            throw new ArgumentException("An entry hash is 32 bytes.", nameof(entryHash));
        }

        input[0] = 0x00;
        entryHash.CopyTo(input[1..]);
        SHA256.HashData(input, destination);
    }

    /// <summary>Computes an interior node from its two children.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var node = new byte[Size];
        Node(left, right, node);
        return node;
    }

    /// <summary>Writes an interior node into <paramref name="destination"/>, which may overlap either child.</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[1 + (2 * Size)];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        SHA256.HashData(input, destination);
    }
}
