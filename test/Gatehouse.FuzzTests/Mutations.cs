using System.Text;
using CsCheck;

namespace Gatehouse.FuzzTests;

/// <summary>Generators of inputs near valid ones: a valid seed with a few byte-level mutations, or plain random bytes.</summary>
public static class Mutations
{
    /// <summary>Bytes from one of <paramref name="seeds"/> with up to eight mutations, or (one time in five) random bytes.</summary>
    public static Gen<byte[]> Of(params string[] seeds)
        => Gen.Frequency(
            (4, Gen.Select(Gen.OneOf(seeds), Gen.Int[0, 8], Gen.Int.Array[24]).Select((seed, count, picks) => Mutate(Encoding.UTF8.GetBytes(seed), count, picks))),
            (1, Gen.Byte.Array[0, 600]));

    /// <summary>Chunk sizes for feeding a parser piece by piece, as a network would split a body.</summary>
    public static Gen<int[]> Splits => Gen.Int[1, 64].Array[0, 40];

    /// <summary>Feeds <paramref name="bytes"/> to <paramref name="feed"/> in the chunk sizes of <paramref name="splits"/>, then the rest.</summary>
    public static void Chunked(byte[] bytes, int[] splits, Action<byte[]> feed)
    {
        var offset = 0;
        foreach (var size in splits)
        {
            if (offset >= bytes.Length)
            {
                break;
            }

            var take = Math.Min(size, bytes.Length - offset);
            feed(bytes[offset..(offset + take)]);
            offset += take;
        }

        feed(bytes[offset..]);
    }

    private static byte[] Mutate(byte[] seed, int count, int[] picks)
    {
        var bytes = new List<byte>(seed);
        for (var i = 0; i < count; i++)
        {
            var pick = (uint)picks[i * 3 % picks.Length];
            var at = bytes.Count == 0 ? 0 : (int)(pick % (uint)bytes.Count);
            var value = (byte)(picks[(i * 3 + 1) % picks.Length] >> 3);
            switch (pick % 7)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << (int)(pick % 8));
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3 when bytes.Count > 0:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + (value % 16))));
                    break;
                case 4:
                    bytes.Insert(at, Interesting[value % Interesting.Length]);
                    break;
                case 5 when bytes.Count > 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[value % Tokens.Length]));
                    break;
            }
        }

        return [.. bytes];
    }

    private static readonly byte[] Interesting = [0, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)':', (byte)',', (byte)'\n', (byte)'\r', 0xC3, 0xFF, 0xEF, 0xBB, 0xBF];

    private static readonly string[] Tokens =
    [
        "\\u0000", "\\ud800", "\\u0067", "null", "true", "1e999", "-0", "[]", "{}", "\"\"", "data: ", "event: ", "\n\n", "\r\n", ": ping\n",
        "\"content\":", "\"messages\":", "\"model\":", "\"type\":\"text\"", "\"tool_calls\":", "&&", "*", "- ", "  ", ": ", "'", "!!", "&a", "*a", "---",
    ];
}
