using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Gatehouse.Audit.Chain;

/// <summary>The hash chain's rules: how an entry's hash is computed and how a draft is sealed into the chain.</summary>
/// <remarks>
/// <para>
/// hash = SHA-256( "gatehouse.audit.entry.v1" ‖ sequence ‖ kind ‖ exchange id ‖ time (UTC ticks) ‖ index columns ‖
/// payload ‖ body_hash ‖ prev_hash ), each field length-prefixed (see <c>docs/designs/audit-hash-chain.md</c>).
/// </para>
/// <para>The body itself is not hashed into the chain, only its hash, so retention can drop a body and the chain
/// still verifies.</para>
/// </remarks>
public static class AuditChain
{
    /// <summary>The size of every hash in the chain, in bytes.</summary>
    public const int HashSize = SHA256.HashSizeInBytes;

    private const int StackLimit = 1024;

    private static readonly byte[] Domain = "gatehouse.audit.entry.v1"u8.ToArray();

    private static readonly byte[] EncodedDomain = EncodeDomain();

    /// <summary>Gets the previous hash of the first entry: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> GenesisHash => new byte[HashSize];

    /// <summary>Computes the SHA-256 of a body as written.</summary>
    public static byte[] ComputeBodyHash(ReadOnlySpan<byte> body) => SHA256.HashData(body);

    /// <summary>Seals <paramref name="draft"/> at <paramref name="sequence"/> after the entry whose hash is <paramref name="prevHash"/>.</summary>
    public static AuditEntry Seal(AuditEntryDraft draft, long sequence, byte[] prevHash)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var hash = ComputeHash(sequence, draft.Kind, draft.ExchangeId, draft.Time, draft.Index, draft.Payload, draft.BodyHash, prevHash);
        return new AuditEntry(sequence, draft.Kind, draft.ExchangeId, draft.Time, draft.Index, draft.Payload,
            draft.Body, draft.BodyHash, prevHash, hash) { BodyParts = draft.BodyParts };
    }

    /// <summary>Recomputes the hash <paramref name="entry"/> should carry from its own fields.</summary>
    public static byte[] ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ComputeHash(entry.Sequence, entry.Kind, entry.ExchangeId, entry.Time, entry.Index, entry.Payload,
            entry.BodyHash, entry.PrevHash);
    }

    /// <summary>Computes an entry hash over the canonical encoding of its fields.</summary>
    public static byte[] ComputeHash(
        long sequence,
        string kind,
        string exchangeId,
        DateTimeOffset time,
        AuditIndex index,
        ReadOnlySpan<byte> payload,
        byte[]? bodyHash,
        ReadOnlySpan<byte> prevHash)
    {
        var hash = new byte[HashSize];
        WriteHash(sequence, kind, exchangeId, time, index, payload, bodyHash, prevHash, hash);
        return hash;
    }

    /// <summary>Returns whether <paramref name="entry"/>'s stored hash matches its fields, without allocating.</summary>
    internal static bool HashMatches(AuditEntry entry)
    {
        Span<byte> hash = stackalloc byte[HashSize];
        WriteHash(entry.Sequence, entry.Kind, entry.ExchangeId, entry.Time, entry.Index, entry.Payload, entry.BodyHash,
            entry.PrevHash, hash);
        return hash.SequenceEqual(entry.Hash);
    }

    /// <summary>
    /// Returns the canonical encoding of <paramref name="entry"/>: the exact bytes whose SHA-256 is its entry hash, so a
    /// third party holding them can recompute the hash and read the sequence, kind and exchange id they begin with.
    /// </summary>
    public static byte[] Encode(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var encoded = new byte[EncodedSize(entry.Kind, entry.ExchangeId, entry.Index, entry.Payload, entry.BodyHash, entry.PrevHash)];
        Encode(entry.Sequence, entry.Kind, entry.ExchangeId, entry.Time, entry.Index, entry.Payload, entry.BodyHash,
            entry.PrevHash, encoded);
        return encoded;
    }

    /// <summary>
    /// Gets the bytes the canonical encoding of every entry begins with, before its sequence: the length-prefixed domain.
    /// </summary>
    /// <remarks>With <see cref="EncodeUnsequenced"/>: encoding = prefix ‖ sequence (8 bytes, big-endian) ‖ unsequenced ‖ previous hash.</remarks>
    public static ReadOnlySpan<byte> EncodingPrefix => EncodedDomain;

    /// <summary>
    /// Returns the bytes of <paramref name="draft"/>'s canonical encoding that do not depend on its place in the chain:
    /// everything between the sequence and the previous hash, ending with the previous hash's 4-byte length.
    /// </summary>
    /// <remarks>
    /// A store that assigns sequences where the head is (in the database, under its lock) completes the encoding as
    /// <see cref="EncodingPrefix"/> ‖ sequence (8 bytes, big-endian) ‖ these bytes ‖ previous hash (32 bytes) and
    /// hashes it with SHA-256; the result equals <see cref="Seal"/>'s hash byte for byte.
    /// </remarks>
    public static byte[] EncodeUnsequenced(AuditEntryDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(draft.Index);
        var size = EncodedSize(draft.Kind, draft.ExchangeId, draft.Index, draft.Payload, draft.BodyHash, GenesisHash)
            - EncodedDomain.Length - 8 - HashSize;
        var encoded = new byte[size];
        var writer = new CanonicalWriter(encoded);
        WriteFields(ref writer, draft.Kind, draft.ExchangeId, draft.Time, draft.Index, draft.Payload, draft.BodyHash);
        BinaryPrimitives.WriteInt32BigEndian(encoded.AsSpan(writer.Written), HashSize);
        return encoded;
    }

    private static void WriteHash(
        long sequence,
        string kind,
        string exchangeId,
        DateTimeOffset time,
        AuditIndex index,
        ReadOnlySpan<byte> payload,
        byte[]? bodyHash,
        ReadOnlySpan<byte> prevHash,
        Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(index);
        var size = EncodedSize(kind, exchangeId, index, payload, bodyHash, prevHash);
        var rented = size > StackLimit ? ArrayPool<byte>.Shared.Rent(size) : null;
        var buffer = rented ?? stackalloc byte[StackLimit];
        try
        {
            var written = Encode(sequence, kind, exchangeId, time, index, payload, bodyHash, prevHash, buffer);
            SHA256.HashData(buffer[..written], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int EncodedSize(
        string kind, string exchangeId, AuditIndex index, ReadOnlySpan<byte> payload, byte[]? bodyHash, ReadOnlySpan<byte> prevHash) =>
        CanonicalWriter.SizeOf(Domain) + 8 + CanonicalWriter.SizeOf(kind) + CanonicalWriter.SizeOf(exchangeId)
            + 8 + CanonicalWriter.SizeOfOptional(index.Subject) + CanonicalWriter.SizeOfOptional(index.Email)
            + CanonicalWriter.SizeOfOptional(index.Connection) + CanonicalWriter.SizeOfOptional(index.Model)
            + (index.Status.HasValue ? 5 : 1) + CanonicalWriter.SizeOfOptional(index.Decision) + CanonicalWriter.SizeOf(payload)
            + CanonicalWriter.SizeOfOptional(bodyHash) + CanonicalWriter.SizeOf(prevHash);

    private static int Encode(
        long sequence,
        string kind,
        string exchangeId,
        DateTimeOffset time,
        AuditIndex index,
        ReadOnlySpan<byte> payload,
        byte[]? bodyHash,
        ReadOnlySpan<byte> prevHash,
        Span<byte> buffer)
    {
        var writer = new CanonicalWriter(buffer);
        writer.WriteBytes(Domain);
        writer.WriteInt64(sequence);
        WriteFields(ref writer, kind, exchangeId, time, index, payload, bodyHash);
        writer.WriteBytes(prevHash);
        return writer.Written;
    }

    // The fields between the sequence and the previous hash: the part of the encoding a draft fixes before its place in
    // the chain is known (see EncodeUnsequenced).
    private static void WriteFields(
        ref CanonicalWriter writer,
        string kind,
        string exchangeId,
        DateTimeOffset time,
        AuditIndex index,
        ReadOnlySpan<byte> payload,
        byte[]? bodyHash)
    {
        writer.WriteString(kind);
        writer.WriteString(exchangeId);
        writer.WriteInt64(time.UtcTicks);
        writer.WriteOptional(index.Subject);
        writer.WriteOptional(index.Email);
        writer.WriteOptional(index.Connection);
        writer.WriteOptional(index.Model);
        writer.WriteOptional(index.Status);
        writer.WriteOptional(index.Decision);
        writer.WriteBytes(payload);
        writer.WriteOptional(bodyHash);
    }

    private static byte[] EncodeDomain()
    {
        var encoded = new byte[CanonicalWriter.SizeOf(Domain)];
        var writer = new CanonicalWriter(encoded);
        writer.WriteBytes(Domain);
        return encoded;
    }
}
