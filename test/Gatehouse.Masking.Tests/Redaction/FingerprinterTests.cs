using Gatehouse.Masking.Redaction;

namespace Gatehouse.Masking.Tests.Redaction;

public sealed class FingerprinterTests
{
    // Key lengths on both sides of the 64-byte block: a longer key is hashed first.
    private static readonly int[] KeyLengths = [1, 16, 32, 63, 64, 65, 100];

    [Theory]
    [MemberData(nameof(Hmac.AllLanes), MemberType = typeof(Hmac))]
    internal void FingerprintMany_EveryUtf8LengthAndKeyLength_MatchesHmacSha256(FingerprintLanes lanes)
    {
        var inputs = Hmac.Inputs();
        foreach (var keyLength in KeyLengths)
        {
            var key = Hmac.Key(inputs, keyLength);
            var fingerprinter = Hmac.Create(key, lanes);

            // Past the lanes' four blocks too, where values go to the platform's HMAC.
            var values = Enumerable.Range(0, FingerprintBatch.MaxBytes + 70).Select(n => Hmac.OfUtf8Length(inputs, n)).ToArray();

            Hmac.AssertMatches(key, fingerprinter, values);
        }
    }

    [Theory]
    [MemberData(nameof(Hmac.AllLanes), MemberType = typeof(Hmac))]
    internal void FingerprintMany_BatchesOfOneToForty_MatchHmacSha256(FingerprintLanes lanes)
    {
        var inputs = Hmac.Inputs();
        var key = Hmac.Key(inputs, 32);
        var fingerprinter = Hmac.Create(key, lanes);
        for (var size = 1; size <= 40; size++)
        {
            // Mostly one-block values, some longer, so that every group has full and partial batches.
            var values = Enumerable.Range(0, size)
                .Select(_ => Hmac.OfUtf8Length(inputs, Hmac.Int(inputs, 0, 4) == 0 ? Hmac.Int(inputs, 56, 300) : Hmac.Int(inputs, 0, 81)))
                .ToArray();

            Hmac.AssertMatches(key, fingerprinter, values);
        }
    }

    [Theory]
    [MemberData(nameof(Hmac.AllLanes), MemberType = typeof(Hmac))]
    internal void FingerprintMany_LoneSurrogates_MatchEncodingUtf8Replacement(FingerprintLanes lanes)
    {
        var inputs = Hmac.Inputs();
        var key = Hmac.Key(inputs, 32);
        var fingerprinter = Hmac.Create(key, lanes);
        string[] values = ["\uD800", "a\uDC00b", "token\uD83D", "\uDE00x", "\uD83D\uDE00\uD83D", new string('\uDBFF', 18), new string('\uDBFF', 19), new string('\uDBFF', 82), new string('\uDBFF', 83)];

        Hmac.AssertMatches(key, fingerprinter, values);
    }

    [Theory]
    [MemberData(nameof(Hmac.AllLanes), MemberType = typeof(Hmac))]
    internal void Fingerprint_OneValue_MatchesHmacSha256(FingerprintLanes lanes)
    {
        var inputs = Hmac.Inputs();
        var key = Hmac.Key(inputs, 48);
        var fingerprinter = Hmac.Create(key, lanes);
        foreach (var length in new[] { 0, 1, 55, 56, 119, 120, 247, 248, 1000 })
        {
            var value = Hmac.OfUtf8Length(inputs, length);

            Assert.Equal(Hmac.Expected(key, value), fingerprinter.Fingerprint(value));
        }
    }

    [Fact]
    public void Fingerprint_StreamedInPieces_EqualsWholeValue()
    {
        var inputs = Hmac.Inputs();
        var key = Hmac.Key(inputs, 32);
        var fingerprinter = new Fingerprinter(key);
        var value = Hmac.OfUtf8Length(inputs, 900);
        using var incremental = fingerprinter.Begin();
        incremental.Append(value.AsSpan(0, 333));
        incremental.Append(value.AsSpan(333));

        Assert.Equal(fingerprinter.Fingerprint(value), incremental.Finish());
    }

    [Theory]
    [MemberData(nameof(Hmac.AllLanes), MemberType = typeof(Hmac))]
    internal void FingerprintMany_NoValues_LeavesTheOutputAlone(FingerprintLanes lanes)
    {
        var inputs = Hmac.Inputs();
        var fingerprinter = Hmac.Create(Hmac.Key(inputs, 32), lanes);
        string[] fingerprints = ["untouched"];

        fingerprinter.FingerprintMany("some text", [], fingerprints);

        Assert.Equal("untouched", fingerprints[0]);
    }
}
