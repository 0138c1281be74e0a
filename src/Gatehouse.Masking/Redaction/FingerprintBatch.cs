using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Unicode;
using Gatehouse.Masking.Detection;

namespace Gatehouse.Masking.Redaction;

/// <summary>
/// Fingerprints values a vector of lanes at a time. Values are grouped by their number of SHA-256 blocks, so that the
/// lanes of a group finish together; a value longer than <see cref="MaxBlocks"/> blocks goes to the platform's HMAC.
/// </summary>
internal static class FingerprintBatch
{
    /// <summary>The most message blocks a value may take in the lanes (secrets and personal data are short).</summary>
    public const int MaxBlocks = 4;

    /// <summary>The longest UTF-8 value that fits <see cref="MaxBlocks"/> blocks with its 0x80 byte and bit length.</summary>
    public const int MaxBytes = (MaxBlocks * Sha256Block.BlockBytes) - 9;

    private const int MaxLanes = 16;
    private const int Words = Sha256Lanes.ScheduleWords;

    // Group g (values of g + 1 blocks) starts at vector 16 * g(g + 1)/2 of the staging.
    private const int StagedVectors = Words * MaxBlocks * (MaxBlocks + 1) / 2;

    // The staging is not cleared on entry (most of it is never used by a small call); what was used is zeroed on exit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void Compute<TLanes, TVector>(
        Fingerprinter fingerprinter, HmacMidstate keys, ReadOnlySpan<char> text, ReadOnlySpan<Candidate> values, Span<string> fingerprints)
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
    {
        var lanes = TLanes.Count;
        if (lanes > MaxLanes)
        {
            throw new InvalidOperationException($"At most {MaxLanes} lanes are staged.");
        }

        Span<TVector> staged = stackalloc TVector[StagedVectors];
        Span<TVector> state = stackalloc TVector[Sha256Lanes.StateWords];
        Span<byte> bytes = stackalloc byte[MaxBlocks * Sha256Block.BlockBytes];
        Span<int> filled = stackalloc int[MaxBlocks];
        Span<int> targets = stackalloc int[MaxBlocks * MaxLanes];
        filled.Clear();
        var used = 0;
        try
        {
            for (var v = 0; v < values.Length; v++)
            {
                var value = text.Slice(values[v].Start, values[v].Length);
                var blocks = Pad(value, bytes);
                if (blocks == 0)
                {
                    fingerprints[v] = fingerprinter.FingerprintOne(value);
                    continue;
                }

                // Word j of block b of lane i sits at lane i of vector 16b + j of the group.
                var group = Group(staged, blocks);
                var words = MemoryMarshal.Cast<TVector, uint>(group);
                var lane = filled[blocks - 1];
                used |= 1 << blocks;
                for (var j = 0; j < blocks * Words; j++)
                {
                    words[(j * lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(bytes[(4 * j)..]);
                }

                targets[((blocks - 1) * MaxLanes) + lane] = v;
                if (++filled[blocks - 1] == lanes)
                {
                    Flush<TLanes, TVector>(keys, group, blocks, state, targets.Slice((blocks - 1) * MaxLanes, lanes), fingerprints);
                    filled[blocks - 1] = 0;
                }
            }

            for (var blocks = 1; blocks <= MaxBlocks; blocks++)
            {
                if (filled[blocks - 1] > 0)
                {
                    var waiting = targets.Slice((blocks - 1) * MaxLanes, filled[blocks - 1]);
                    Flush<TLanes, TVector>(keys, Group(staged, blocks), blocks, state, waiting, fingerprints);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            for (var blocks = 1; blocks <= MaxBlocks; blocks++)
            {
                if ((used & (1 << blocks)) != 0)
                {
                    CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(Group(staged, blocks)));
                }
            }

            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(state));
        }
    }

    private static Span<TVector> Group<TVector>(Span<TVector> staged, int blocks)
        => staged.Slice(Words * (blocks - 1) * blocks / 2, Words * blocks);

    private static void Flush<TLanes, TVector>(
        HmacMidstate keys, Span<TVector> group, int blocks, Span<TVector> state, ReadOnlySpan<int> targets, Span<string> fingerprints)
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
    {
        Sha256Lanes.Mac<TLanes, TVector>(keys, group, blocks, state);
        var first = MemoryMarshal.Cast<TVector, uint>(state[..1]);
        var second = MemoryMarshal.Cast<TVector, uint>(state.Slice(1, 1));
        for (var i = 0; i < targets.Length; i++)
        {
            fingerprints[targets[i]] = FingerprintHex.Format(((ulong)first[i] << 32) | second[i]);
        }
    }

    // Encodes as Encoding.UTF8 does (a lone surrogate becomes U+FFFD) and pads the message after the ipad block:
    // 0x80, zeros, then the bit length of both. Returns the number of blocks, or 0 when the value is too long.
    private static int Pad(ReadOnlySpan<char> value, Span<byte> bytes)
    {
        // Every char is at least one UTF-8 byte, so a longer value cannot fit.
        if (value.Length > MaxBytes
            || Utf8.FromUtf16(value, bytes[..MaxBytes], out _, out var written) != OperationStatus.Done)
        {
            return 0;
        }

        var blocks = (written + 9 + Sha256Block.BlockBytes - 1) / Sha256Block.BlockBytes;
        var end = blocks * Sha256Block.BlockBytes;
        bytes[written] = 0x80;
        bytes[(written + 1)..(end - 8)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(bytes[(end - 8)..], (ulong)(Sha256Block.BlockBytes + written) * 8);
        return blocks;
    }
}
