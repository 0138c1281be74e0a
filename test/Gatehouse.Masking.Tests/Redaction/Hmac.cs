using System.Security.Cryptography;
using System.Text;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;

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

    /// <summary>A random text of exactly <paramref name="utf8Length"/> UTF-8 bytes mixing 1- to 4-byte characters.</summary>
    public static string OfUtf8Length(int utf8Length)
    {
        var text = new StringBuilder();
        var left = utf8Length;
        while (left > 0)
        {
            var size = RandomNumberGenerator.GetInt32(1, Math.Min(4, left) + 1);
            _ = size switch
            {
                1 => text.Append((char)RandomNumberGenerator.GetInt32(0x20, 0x7F)),
                2 => text.Append((char)RandomNumberGenerator.GetInt32(0x80, 0x800)),
                3 => text.Append((char)RandomNumberGenerator.GetInt32(0x800, 0xD800)),
                _ => text.Append(char.ConvertFromUtf32(RandomNumberGenerator.GetInt32(0x10000, 0x110000))),
            };
            left -= size;
        }

        return text.ToString();
    }

    public static byte[] Key(int length) => RandomNumberGenerator.GetBytes(length);
}
