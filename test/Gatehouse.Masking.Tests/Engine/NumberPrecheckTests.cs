using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class NumberPrecheckTests
{
    private static readonly MaskingRule[] NumberRules = [.. BuiltInRules.All.Where(r => r.Anchor == RuleAnchor.Numeric)];

    private static readonly CompiledRuleSet Catalog = ScanProbe.Compile(BuiltInRules.All);

    /// <summary>Every pattern match becomes a candidate, so a pre-check that skipped a real match cannot hide behind
    /// a checksum that would have rejected it anyway.</summary>
    private static readonly CompiledRuleSet Unchecked = ScanProbe.Compile(NumberRules.Select(r => r with { Validator = null }));

    private static readonly string[] Examples = [.. BuiltInRules.All.Select(r => r.Example)];

    /// <summary>Number formats at their shortest and usual shapes: 'd' is a random digit, 'A' an upper-case letter.</summary>
    private static readonly string[] Formats =
    [
        "(ddd)ddd-dddd", "(ddd) ddd.dddd", "+1 ddd ddd dddd", "1-ddd-ddd-dddd", "ddd-dd-dddd", "dddddddddddd",
        "dddd dddd dddd dddd", "dddd-dddddd-ddddd", "ddddddddddd", "+dd dd dddd dddd", "+d (ddd) ddd-dddd", "+ddd.dd.dd",
        "d.d.d.d", "ddd.ddd.dd.d", "AAddAAAAdddddddddddddd", "AAdd dddd dddd dddd dddd dd", "AAdddddddddd", "AAdd dddd dddd",
    ];

    private static readonly Gen<string> Formatted = Gen.Select(Gen.OneOf(Formats), Gen.Int[0, 259].Array[30], (format, random) =>
        string.Concat(format.Select((c, i) => c switch
        {
            'd' => (char)('0' + (random[i % 30] % 10)),
            'A' => (char)('A' + (random[i % 30] % 26)),
            _ => c,
        })));

    private static readonly Gen<string> Piece = Gen.Frequency(
        (3, Formatted),
        (6, Gen.String[Gen.Char['0', '9'], 1, 5]),
        (5, Gen.OneOf(" ", "-", ".", "(", ")", "+", "/", ":", " - ", ") ", "--", "  ", ". ")),
        (3, Gen.OneOf("DE", "GB", "FR", "NL", "de", "D", "X", "AB", "WEST", "ZZ", "IE29AIBK", "x", "_", "\n", "é", "\"")),
        (2, Gen.String[Gen.Char['A', 'Z'], 1, 4]),
        (2, Gen.OneOf("+1 ", "+44 ", "(555) ", "(212)", "+1(800)", "555-", "234.", "4111 ", "6011", "123-45-", "192.168.", "1.2.3.")),
        (1, Gen.OneOf(Examples)));

    private static readonly Gen<string> NumberText = Piece.Array[1, 30].Select(string.Concat);

    [Fact]
    public void Catalog_EveryNumberRule_HasAPrecheck() =>
        Assert.All(NumberRules, r => Assert.NotEqual(NumberPrecheck.None, NumberPrechecks.For(r)));

    [Fact]
    public void For_VariantOfACatalogRule_HasNoPrecheck()
    {
        Assert.Equal(NumberPrecheck.None, NumberPrechecks.For(PiiRules.PaymentCard with { After = 40 }));
        Assert.Equal(NumberPrecheck.None, NumberPrechecks.For(PiiRules.UsSsn with { StartsInRun = false }));
        Assert.Equal(NumberPrecheck.None, NumberPrechecks.For(PiiRules.IPv4 with { Pattern = PiiRules.IPv4.Pattern + "?" }));
    }

    [Fact]
    public void EarliestMatchStart_AnyTextAndReach_EqualsTheCharacterByCharacterWalk()
    {
        Gen.Select(NumberText, Gen.Int[0, 400], Gen.Int[0, 50]).ForAll((text, at, maxBefore) =>
        {
            var tokenStart = Math.Min(at, text.Length);
            Assert.Equal(
                ReferenceNumberScan.EarliestMatchStart(text, tokenStart, maxBefore),
                NumericTokens.EarliestMatchStart(text, tokenStart, maxBefore));
        }, iter: 3000);
    }

    [Fact]
    public void Scan_NumberLikeText_FindsTheSameCandidatesAsTheReference()
    {
        Gen.Select(NumberText, Gen.Int[0, 400], Gen.Bool).ForAll((text, minStart, final) =>
        {
            var from = Math.Min(minStart, text.Length);
            AssertSameAsReference(Catalog, text, from, final);
            AssertSameAsReference(Unchecked, text, from, final);
        }, iter: 4000);
    }

    [Fact]
    public void Scan_TextCutAnywhere_ReportsTheSamePendingAsTheReference()
    {
        Gen.Select(NumberText, Gen.Int[0, 400]).ForAll((text, cut) =>
        {
            var chunk = text[..Math.Min(cut, text.Length)];
            AssertSameAsReference(Catalog, chunk, 0, final: false);
            AssertSameAsReference(Unchecked, chunk, Math.Max(0, chunk.Length - 20), final: false);
        }, iter: 2000);
    }

    [Fact]
    public void Scan_RuleExamplesInContext_FindsTheSameCandidatesAsTheReference()
    {
        string[] contexts = ["{0}", "value: {0}\n", "{{\"arg\": \"{0}\"}}", "export VALUE={0}\n", "See ({0}) for details.", "IBAN {0}"];
        foreach (var context in contexts)
        {
            var text = string.Join(" ", Examples.Select(e => string.Format(System.Globalization.CultureInfo.InvariantCulture, context, e)));
            AssertSameAsReference(Catalog, text, 0, final: true);
            AssertSameAsReference(Unchecked, text, 0, final: true);
        }
    }

    [Fact]
    public void Scan_ThisRepositorysSource_FindsTheSameCandidatesAsTheReference()
    {
        var files = SourceTree.CSharpFiles("src").Select(f => Path.Combine(SourceTree.Root, f));
        var text = string.Join("\n", files.Select(File.ReadAllText));
        Assert.True(text.Length > 100_000);
        AssertSameAsReference(Catalog, text, 0, final: true);
        AssertSameAsReference(Unchecked, text, 0, final: true);
    }

    private static void AssertSameAsReference(CompiledRuleSet set, string text, int minStart, bool final)
    {
        var (expected, expectedPending) = ReferenceNumberScan.Run(set, text, minStart, final);
        var output = default(PooledList<Candidate>);
        try
        {
            var pending = text.Length;
            NumberScanner.Scan(set, text, minStart, final, ref pending, ref output);
            Assert.Equal(expected, output.Span.ToArray());
            Assert.Equal(expectedPending, pending);
        }
        finally
        {
            output.Dispose();
        }
    }
}
