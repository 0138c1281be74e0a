using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Redaction;

/// <summary>The reference the fingerprints are checked against: the platform's HMAC-SHA256, computed directly.</summary>
internal static class Hmac
{
    public static readonly TheoryData<FingerprintLanes> AllLanes = [FingerprintLanes.None, FingerprintLanes.Vector256, FingerprintLanes.Vector512];

    public static string Expected(byte[] key, string value)
        => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)).AsSpan(0, Fingerprinter.FingerprintBytes));

    public static Fingerprinter Create(byte[] key, FingerprintLanes lanes)
    {
        Assert.SkipUnless(FingerprintLanesSupport.IsSupported(lanes), $"this machine does not accelerate {lanes}");
        return new Fingerprinter(key, lanes);
    }

    /// <summary>Fingerprints all values in one call and checks each against the platform's HMAC.</summary>
    public static void AssertMatches(byte[] key, Fingerprinter fingerprinter, IReadOnlyList<string> values)
        => Assert.Equal(values.Select(v => Expected(key, v)), FingerprintAll(fingerprinter, values));

    /// <summary>Fingerprints all values in one call, as slices of one text with a separator between them.</summary>
    public static string[] FingerprintAll(Fingerprinter fingerprinter, IReadOnlyList<string> values)
    {
        var text = new StringBuilder("<");
        var candidates = new Candidate[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            candidates[i] = new Candidate(text.Length, values[i].Length, 0, false);
            text.Append(values[i]).Append('|');
        }

        var fingerprints = new string[values.Count];
        fingerprinter.FingerprintMany(text.ToString(), candidates, fingerprints);
        return fingerprints;
    }

    /// <summary>
    /// A source of inputs that is the same in every run (seeded as the property tests are, by <c>GATEHOUSE_PROPERTY_SEED</c>),
    /// so that a value the fingerprinter gets wrong fails every run rather than one run in a thousand.
    /// </summary>
    public static PCG Inputs() => new(7, Property.Seed);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>) from <paramref name="inputs"/>.</summary>
    public static int Int(PCG inputs, int min, int maxExclusive) => Gen.Int[min, maxExclusive - 1].Generate(inputs, null, out _);

    /// <summary><paramref name="length"/> bytes from <paramref name="inputs"/>.</summary>
    public static byte[] Bytes(PCG inputs, int length) => Gen.Byte.Array[length].Generate(inputs, null, out _);

    /// <summary>A text of exactly <paramref name="utf8Length"/> UTF-8 bytes mixing 1- to 4-byte characters, drawn from <paramref name="inputs"/>.</summary>
    public static string OfUtf8Length(PCG inputs, int utf8Length)
    {
        var text = new StringBuilder();
        var left = utf8Length;
        while (left > 0)
        {
            var size = Int(inputs, 1, Math.Min(4, left) + 1);
            _ = size switch
            {
                1 => text.Append((char)Int(inputs, 0x20, 0x7F)),
                2 => text.Append((char)Int(inputs, 0x80, 0x800)),
                3 => text.Append((char)Int(inputs, 0x800, 0xD800)),
                _ => text.Append(char.ConvertFromUtf32(Int(inputs, 0x10000, 0x110000))),
            };
            left -= size;
        }

        return text.ToString();
    }

    public static byte[] Key(PCG inputs, int length) => Bytes(inputs, length);
}
