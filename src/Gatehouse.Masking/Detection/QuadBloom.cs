using System.Runtime.Intrinsics;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The in-register tables of <see cref="QuadFilterAvx512"/>. First stage: five Bloom probes of 2,048 bits each (128
/// words of 16 bits, four 512-bit registers per probe). Keywords of four or more characters set three probes over the
/// two 16-bit hashes of their folded first four characters; keywords of three characters set two probes over the
/// hashes of their first three. A position passes when all probes of either kind are set. Second stage, for the few
/// steps where something passed: probes of 1,024 bits over the first four characters of the keywords of four to seven
/// characters, and over the first eight of the longer ones, so that a common word that only shares a long keyword's
/// first four characters (config, interface, private) stops there. Both stages pass a superset of the positions where
/// a keyword starts, which <see cref="QuadFilter.TryAddAt"/> then confirms.
/// </summary>
internal sealed class QuadBloom
{
    public const int Probes = 9;

    private static readonly ushort[] EightH = [0x2F5B, 0x8D19, 0x61C7, 0xE3A5];
    private static readonly ushort[] EightG = [0x4B3D, 0xA7E1, 0x1D93, 0xC55F];

    private readonly ushort[][] _words = [.. Enumerable.Range(0, Probes).Select(_ => new ushort[128])];

    private readonly Vector512<ushort>[] _quarters;

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
                if (keyword.Length < 8)
                {
                    Set(5, h, h >> 12);
                    Set(6, g, g >> 12);
                }
                else
                {
                    var (h8, g8) = Hashes8(keyword);
                    Set(7, h8, h8 >> 12);
                    Set(8, g8, g8 >> 12);
                }
            }
            else if (keyword.Length == 3)
            {
                var (h, g) = Hashes(keyword, 3);
                Set(3, h, h >> 12);
                Set(4, g, g >> 12);
            }
        }

        _quarters = [.. Enumerable.Range(0, Probes * 4).Select(q => Vector512.Create(_words[q / 4].AsSpan(q % 4 * 32, 32)))];
    }

    /// <summary>Whether both stages pass position <paramref name="i"/> of an all-ASCII window of eight characters, as
    /// the vector loop decides (without the one- and two-character keywords, which it compares directly).</summary>
    public bool Passes(ReadOnlySpan<char> text, int i)
    {
        var (h, g) = Hashes(text[i..], 4);
        var (h3, g3) = Hashes(text[i..], 3);
        var (h8, g8) = Hashes8(text[i..]);
        var three = IsSet(3, h3, h3 >> 12) && IsSet(4, g3, g3 >> 12);
        var four = IsSet(0, h, h >> 12) && IsSet(1, g, g >> 12) && IsSet(2, h >> 7, g >> 7);
        var second = (IsSet(5, h, h >> 12) && IsSet(6, g, g >> 12)) || (IsSet(7, h8, h8 >> 12) && IsSet(8, g8, g8 >> 12));
        return three || (four && second);
    }

    /// <summary>The two 16-bit hashes of the first eight folded characters: those of the first four, plus the next
    /// four under their own multipliers.</summary>
    public static (int H, int G) Hashes8(ReadOnlySpan<char> text)
    {
        var (h, g) = Hashes(text, 4);
        for (var i = 0; i < 4; i++)
        {
            h += (text[4 + i] | 0x20) * EightH[i];
            g += (text[4 + i] | 0x20) * EightG[i];
        }

        return ((ushort)h, (ushort)g);
    }

    /// <summary>The multiplier of the first (0) or second (1) eight-character hash for the character at
    /// <paramref name="offset"/> 4..7.</summary>
    public static ushort EightMultiplier(int hash, int offset) => hash == 0 ? EightH[offset - 4] : EightG[offset - 4];

    /// <summary>Quarter <paramref name="quarter"/> (32 words) of probe <paramref name="probe"/>'s table.</summary>
    public Vector512<ushort> Quarter(int probe, int quarter) => _quarters[(probe * 4) + quarter];

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

    private bool IsSet(int probe, int word, int bit) => (_words[probe][Word(probe, word)] & (1 << (bit & 15))) != 0;

    private void Set(int probe, int word, int bit) => _words[probe][Word(probe, word)] |= (ushort)(1 << (bit & 15));

    /// <summary>First-stage probes have 128 words; second-stage ones 64 (one word permute each).</summary>
    private static int Word(int probe, int word) => word & (probe < 5 ? 127 : 63);
}
