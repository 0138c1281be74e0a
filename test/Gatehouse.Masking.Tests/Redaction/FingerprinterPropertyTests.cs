using CsCheck;
using Gatehouse.Masking.Redaction;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Redaction;

public sealed class FingerprinterPropertyTests
{
    // ASCII, two- and three-byte characters, lone surrogates and pairs, in runs long enough to cross block boundaries.
    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.Char['!', '~'].Array[1, 40].Select(chars => new string(chars))),
        (2, Gen.Char['\u0080', '\u07FF'].Array[1, 30].Select(chars => new string(chars))),
        (2, Gen.Char['\u0800', '\uFFFF'].Array[1, 30].Select(chars => new string(chars))),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    private static readonly Gen<string> Value = Piece.Array[0, 8].Select(pieces => string.Concat(pieces));

    [Fact]
    public void FingerprintMany_RandomValuesAndKeys_MatchesHmacSha256OnEveryPath()
    {
        Gen.Select(Gen.Byte.Array[1, 130], Value.Array[1, 40]).ForAll((key, values) =>
        {
            var expected = values.Select(v => Hmac.Expected(key, v)).ToArray();
            foreach (var lanes in new[] { FingerprintLanes.None, FingerprintLanes.Vector256, FingerprintLanes.Vector512 }.Where(FingerprintLanesSupport.IsSupported))
            {
                Assert.Equal(expected, Hmac.FingerprintAll(new Fingerprinter(key, lanes), values));
            }
        }, iter: 300);
    }
}
