using System.Runtime.Intrinsics;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The in-register tables of <see cref="QuadFilterAvx512"/>: five Bloom probes of 2,048 bits each (128 words of 16
/// bits, four 512-bit registers per probe). Keywords of four or more characters set three probes over the two 16-bit
/// hashes of their folded first four characters; keywords of three characters set two probes over the hashes of
/// their first three. A position passes when all probes of either kind are set; that is a superset of the positions
/// where a keyword starts, which <see cref="QuadFilter.TryAddAt"/> then confirms.
/// </summary>
internal sealed class QuadBloom
{
    public const int Probes = 5;

    private readonly ushort[][] _words = [.. Enumerable.Range(0, Probes).Select(_ => new ushort[128])];

    public QuadBloom(IEnumerable<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (keyword.Length >= 4)
            {
                var (h, g) = Hashes(keyword, 4);
                Set(0, h, h >> 12);
                Set(1, g, g >> 12);
                Set(2, h >> 7, g >> 7);
            }
            else if (keyword.Length == 3)
            {
                var (h, g) = Hashes(keyword, 3);
                Set(3, h, h >> 12);
                Set(4, g, g >> 12);
            }
        }
    }

    /// <summary>Whether the probes pass position <paramref name="i"/> of an all-ASCII window, as the vector loop decides
    /// (without the one- and two-character keywords, which it compares directly).</summary>
    public bool Passes(ReadOnlySpan<char> text, int i)
    {
        var (h, g) = Hashes(text[i..], 4);
        var (h3, g3) = Hashes(text[i..], 3);
        return (IsSet(0, h, h >> 12) && IsSet(1, g, g >> 12) && IsSet(2, h >> 7, g >> 7)) ||
            (IsSet(3, h3, h3 >> 12) && IsSet(4, g3, g3 >> 12));
    }

    /// <summary>Quarter <paramref name="quarter"/> (32 words) of probe <paramref name="probe"/>'s table.</summary>
    public Vector512<ushort> Quarter(int probe, int quarter) => Vector512.Create(_words[probe].AsSpan(quarter * 32, 32));

    /// <summary>The two 16-bit hashes of the first <paramref name="length"/> folded characters, as the vector loop
    /// computes them.</summary>
    public static (int H, int G) Hashes(ReadOnlySpan<char> text, int length)
    {
        int h = 0, g = 0;
        for (var i = 0; i < length; i++)
        {
            h += (text[i] | 0x20) * QuadFilter.Multipliers(0, i).GetElement(0);
            g += (text[i] | 0x20) * QuadFilter.Multipliers(1, i).GetElement(0);
        }

        return ((ushort)h, (ushort)g);
    }

    private bool IsSet(int probe, int word, int bit) => (_words[probe][word & 127] & (1 << (bit & 15))) != 0;

    private void Set(int probe, int word, int bit) => _words[probe][word & 127] |= (ushort)(1 << (bit & 15));
}
