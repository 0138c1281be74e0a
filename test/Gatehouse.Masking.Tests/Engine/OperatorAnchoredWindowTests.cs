using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class OperatorAnchoredWindowTests
{
    private static readonly CompiledRuleSet Anchored = ScanProbe.Compile(BuiltInRules.All);

    private static readonly CompiledRuleSet Enumerated = ScanProbe.Compile(BuiltInRules.All.Select(r => r with { StartsAfterOperator = false }));

    private static readonly CompiledRuleSet AnyOperator = ScanProbe.Compile(BuiltInRules.All.Select(r => r with { OperatorWithin = 0 }));

    private static readonly string[] Names = [.. BuiltInRules.All.Where(r => r.StartsAfterOperator).SelectMany(r => r.Keywords).Distinct()];

    [Fact]
    public void Catalog_ContextRules_StartAfterOperator() =>
        Assert.True(BuiltInRules.All.Count(r => r.StartsAfterOperator) >= 40);

    [Fact]
    public void Scan_AssignmentsWithQuotesAndSpaces_FindsTheSameCandidatesAsEnumeratingTheWindow()
    {
        AssignmentTexts(longNames: false, separator: "").ForAll(text =>
        {
            Assert.Equal(ScanProbe.Candidates(Enumerated, text), ScanProbe.Candidates(AnyOperator, text));
        }, iter: 1000);
    }

    private static Gen<string> AssignmentTexts(bool longNames, string separator)
    {
        var spaces = Gen.OneOf("", " ", "  ", "\t", "   ", "    ", "     ");
        var quote = Gen.OneOf("", "\"", "'", "\\\"", "\\'");
        var value = Gen.String[Gen.Char["abcXYZ0189+/_-!."], 4, 30];
        var assignment =
            from name in Gen.OneOf(Names)
            from upper in Gen.Bool
            from suffix in longNames ? Gen.String[Gen.Char["ab_.-1"], 0, 27] : Gen.OneOf("", "_db", ".x", "-1")
            from q1 in quote
            from s1 in spaces
            from op in Gen.OneOf("=", ":", "=>", ":=", "==")
            from s2 in spaces
            from q2 in quote
            from v in value
            select (upper ? name.ToUpperInvariant() : name) + suffix + q1 + s1 + op + s2 + q2 + v + q2;
        var url =
            from scheme in Gen.OneOf("postgres", "https", "x", "1a", "")
            from user in Gen.OneOf("app", "", "a:b", "u@x", "  ", new string('u', 64), new string('u', 65))
            from password in value
            from host in Gen.OneOf("@db.example.com", "@[::1]", "@", "/path", " ")
            select scheme + "://" + user + ":" + password + host;
        var piece = Gen.Frequency(
            (4, assignment),
            (2, url),
            (2, Gen.OneOf(Names)),
            (3, Gen.OneOf("=", ":", "=>", " ", "\n", ";", ", ", "x", "é", "\"")));

        return piece.Array[1, 12].Select(pieces => string.Join(separator, pieces));
    }

    [Fact]
    public void Catalog_OperatorAnchoredRules_BoundTheirOperator() =>
        Assert.All(BuiltInRules.All.Where(r => r.StartsAfterOperator), r => Assert.InRange(r.OperatorWithin, 1, 64));

    [Fact]
    public void Scan_OperatorsNearTheHitOnly_MasksAsTryingEveryOperatorInTheWindow()
    {
        // Every match belongs to the keyword just before it, which is a hit of its own: the resolved candidates must not
        // change, though a hit no longer finds the matches of the keywords after it. The texts are shorter than every
        // window, so no window ends inside a run of value characters: there an earlier hit's window used to find a
        // match that the whole text does not hold (see the next test).
        var shortest = BuiltInRules.All.Where(r => r.StartsAfterOperator).Min(r => r.After);
        AssignmentTexts(longNames: true, separator: " ").Where(text => text.Length < shortest).ForAll(text =>
        {
            Assert.Equal(ScanProbe.Resolved(AnyOperator, text), ScanProbe.Resolved(Anchored, text));
        }, iter: 1500);
    }

    [Fact]
    public void Scan_ValueRunLongerThanThePatternAllows_IsNotCutShortByAnEarlierHitsWindow()
    {
        // From "secret:" the run of value characters is longer than the pattern's 100, so there is no match. The window
        // of the "token" before it ends 32 characters into that run and used to report those 32 as a secret.
        var text = "token" + new string('.', 100) + " secret:" + string.Concat(Enumerable.Repeat("Zq8vRk2Lm9Tx4Wp7", 8)) + " end";

        Assert.Empty(ScanProbe.Resolved(Anchored, text));
    }

    [Fact]
    public void Scan_OperatorAtTheFurthestReach_IsStillTried()
    {
        // The longest gap: 24 name characters, an escaped quote, four spaces, then "=>" whose '>' is 31 after the
        // keyword; four spaces and an escaped quote later the value starts, out of reach of the '='.
        var text = "token" + new string('x', 24) + "\\\"    =>    \\\"Zq8vRk2Lm9Tx4Wp7Zq8v\\\"";

        Assert.Contains(ScanProbe.Candidates(Anchored, text), c => BuiltInRules.All[c.RuleIndex].Id == "generic-secret");
    }

    [Fact]
    public void Scan_RuleExamples_FindsTheSameCandidatesAsEnumeratingTheWindow()
    {
        foreach (var rule in BuiltInRules.All.Where(r => r.StartsAfterOperator))
        {
            var text = "x " + rule.Example + " and " + rule.Example.Replace(" = ", ": ", StringComparison.Ordinal) + ";";
            var found = ScanProbe.Candidates(AnyOperator, text);

            Assert.NotEmpty(found);
            Assert.Equal(ScanProbe.Candidates(Enumerated, text), found);
            Assert.Equal(ScanProbe.Resolved(AnyOperator, text), ScanProbe.Resolved(Anchored, text));
        }
    }
}
