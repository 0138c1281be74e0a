using System.Security.Cryptography;

namespace Gatehouse.Audit.Tests.Proofs;

/// <summary>RFC 9162's recursive definitions written out literally, as the oracle for the efficient code.</summary>
internal static class NaiveMerkle
{
    public static byte[] Leaf(byte[] entryHash) => SHA256.HashData([0x00, .. entryHash]);

    public static byte[] Mth(IReadOnlyList<byte[]> d)
    {
        if (d.Count == 0)
        {
            return SHA256.HashData([]);
        }

        if (d.Count == 1)
        {
            return Leaf(d[0]);
        }

        var k = SplitPoint(d.Count);
        return SHA256.HashData([0x01, .. Mth(d.Take(k).ToList()), .. Mth(d.Skip(k).ToList())]);
    }

    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        if (d.Count <= 1)
        {
            return [];
        }

        var k = SplitPoint(d.Count);
        return m < k
            ? [.. Path(m, d.Take(k).ToList()), Mth(d.Skip(k).ToList())]
            : [.. Path(m - k, d.Skip(k).ToList()), Mth(d.Take(k).ToList())];
    }

    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> d) => Subproof(m, d, true);

    private static List<byte[]> Subproof(int m, IReadOnlyList<byte[]> d, bool b)
    {
        if (m == d.Count)
        {
            return b ? [] : [Mth(d)];
        }

        var k = SplitPoint(d.Count);
        return m <= k
            ? [.. Subproof(m, d.Take(k).ToList(), b), Mth(d.Skip(k).ToList())]
            : [.. Subproof(m - k, d.Skip(k).ToList(), false), Mth(d.Take(k).ToList())];
    }

    private static int SplitPoint(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
