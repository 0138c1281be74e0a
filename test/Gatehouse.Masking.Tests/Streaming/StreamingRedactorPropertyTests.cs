using CsCheck;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Streaming;

public sealed class StreamingRedactorPropertyTests
{
    private static readonly MaskingEngine Engine = TestEngines.Everything;

    /// <summary>Every rule's example, plus GitHub tokens whose checksum fails (masked all the same).</summary>
    private static readonly string[] Examples =
    [
        .. BuiltInRules.All.Select(r => r.Example),
        Rules.ChecksumRuleTests.WithBadChecksum("ghp_"),
        Rules.ChecksumRuleTests.WithBadChecksum("ghs_"),
    ];

    private static readonly string[] Filler =
    [
        " ", " ", "\n", "the ", "value ", "is ", "x = ", "\"", "{", "}", ": ", ", ", "1234", "555 ", "-", "+", "(", "ghp_",
        "sk-", "@", "://", "-----", "END ", "-----BEGIN ", "PRIVATE KEY-----", "password=", "token: ", "eyJ", "AKIA", "::",
        "192.168.", "4111 ", "é", "\u00e9\u0301", "😀",
    ];

    private static readonly Gen<string> Text =
        Gen.Frequency((3, Gen.OneOf(Filler)), (1, Gen.OneOf(Examples))).Array[0, 24]
            .Select(parts => string.Concat(parts));

    [Fact]
    public void Push_AnyChunking_ConcatenatedOutputEqualsWholeTextMasking()
    {
        Gen.Select(Text, Gen.Int[0, 5000].Array[0, 12]).ForAll((text, cuts) =>
        {
            var chunks = Split(text, cuts);
            var (output, _, findings) = Stream(chunks);

            var whole = Engine.Mask(text);
            if (findings.Any(f => f.RuleId == "holdback-limit"))
            {
                // Past the cap (matches chained longer than it) the redactor masks more than the whole-text scan,
                // never less.
                Assert.DoesNotContain(HiddenFragments(text, whole.TextOr(text)), f => output.Contains(f, StringComparison.Ordinal));
                return;
            }

            Assert.Equal(whole.TextOr(text), output);
            Assert.Equal(whole.Findings, findings);
        }, iter: 300);
    }

    [Fact]
    public void Push_SplitInsideEverySecretAtEveryOffset_ReleasesNoFragmentAndMatchesWholeText()
    {
        foreach (var rule in BuiltInRules.All)
        {
            var text = "Use this: " + rule.Example + " then continue.";
            var whole = Engine.Mask(text).TextOr(text);
            var hidden = HiddenFragments(text, whole);
            for (var cut = 1; cut < text.Length; cut++)
            {
                var (output, released, _) = Stream([text[..cut], text[cut..]]);

                Assert.Equal(whole, output);
                Assert.DoesNotContain(released, chunk => hidden.Any(f => chunk.Contains(f, StringComparison.Ordinal)));
            }
        }
    }

    [Fact]
    public void Push_ChecksumInvalidTokenSplitAtEveryOffset_MatchesWholeTextAndIsMasked()
    {
        var token = Rules.ChecksumRuleTests.WithBadChecksum("ghp_");
        var text = "Use this token: " + token + " and keep it safe.";
        var whole = Engine.Mask(text);
        Assert.Equal("Use this token: [MASKED:github-pat] and keep it safe.", whole.MaskedText);
        Assert.Equal(ChecksumStatus.Invalid, Assert.Single(whole.Findings).Checksum);
        for (var cut = 1; cut < text.Length; cut++)
        {
            for (var second = cut + 1; second < text.Length; second += 7)
            {
                var (output, released, findings) = Stream([text[..cut], text[cut..second], text[second..]]);

                Assert.Equal(whole.MaskedText, output);
                Assert.Equal(whole.Findings, findings);
                Assert.DoesNotContain(released, chunk => chunk.Contains(token[4..10], StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Push_OneCharacterAtATime_MatchesWholeTextForEveryExample()
    {
        var text = string.Join(" and ", Examples) + ".";
        var (output, _, _) = Stream([.. text.Select(c => c.ToString())]);

        Assert.Equal(Engine.Mask(text).TextOr(text), output);
    }

    private static (string Output, List<string> Released, IReadOnlyList<Finding> Findings) Stream(IEnumerable<string> chunks)
    {
        using var redactor = Engine.CreateStreamingRedactor();
        var released = chunks.Select(redactor.Push).ToList();
        released.Add(redactor.Flush());
        Assert.True(redactor.MaxHoldback <= Engine.Options.StreamingHoldbackCap);
        return (string.Concat(released), released, redactor.Findings.ToList());
    }

    private static List<string> Split(string text, int[] cuts)
    {
        var points = cuts.Select(c => c % (text.Length + 1)).Append(0).Append(text.Length).Distinct().Order().ToList();
        return [.. points.Zip(points.Skip(1), (a, b) => text[a..b])];
    }

    /// <summary>Every 6-character piece of a masked value that the whole-text output does not contain.</summary>
    /// <summary>The six-character pieces of each finding in <paramref name="text"/> that masking removed.</summary>
    internal static List<string> HiddenFragments(string text, string masked)
    {
        var fragments = new List<string>();
        foreach (var finding in Engine.Scan(text))
        {
            var value = text.Substring(finding.Offset, finding.Length);
            for (var i = 0; i + 6 <= value.Length; i++)
            {
                var piece = value.Substring(i, 6);
                if (!masked.Contains(piece, StringComparison.Ordinal))
                {
                    fragments.Add(piece);
                }
            }
        }

        return fragments;
    }
}
