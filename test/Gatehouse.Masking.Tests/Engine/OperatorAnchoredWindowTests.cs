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

    private const string Value = "a8c80cXcY1b_10Z+bXX18_.c";

    private static readonly int GenericSecret = BuiltInRules.All.ToList().FindIndex(r => r.Id == "generic-secret");

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
    public void Scan_RejectedValueAtAnEarlierOperator_DoesNotHideTheAssignmentInsideIt()
    {
        // After "ibm_api_key =" the value pattern matches "aws_secret_key1111b_b-:a8c8...", which is rejected; the
        // assignment "secret_key1111b_b-:" inside it still holds a secret. Every window that saw the earlier operator
        // resumed after the rejected match and never tried the value after ':'; only a window that started past it
        // (the anchored "secret" hit) found it. The property above found this text.
        var text = ",  IBMCLOUD_API_KEY1-1_b1__b_1._b-a_bb.\\'=\t'/--+9c' ibm_api_key = aws_secret_key1111b_b-:" + Value +
            " => = : access_key :";
        var secret = new Candidate(89, Value.Length, GenericSecret, IsBlock: false);
        Assert.Equal(89, text.IndexOf(Value, StringComparison.Ordinal));

        Assert.Contains(secret, ScanProbe.Resolved(Anchored, text));
        Assert.Contains(secret, ScanProbe.Resolved(AnyOperator, text));
        Assert.Contains(secret, ScanProbe.Resolved(Enumerated, text));
        Assert.Equal(ScanProbe.Candidates(Enumerated, text), ScanProbe.Candidates(AnyOperator, text));
        var masked = TestEngines.Default.Mask(text);
        Assert.Contains(masked.Findings, f => (f.RuleId, f.Offset, f.Length) == ("generic-secret", 89, Value.Length));
        Assert.DoesNotContain(Value, masked.MaskedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_FromAnyMinimumStart_FindsTheWholeTextsCandidatesFromThere()
    {
        // A window decides a match that starts before the scan's minimum start as the whole text does, so it resumes at
        // the same place: a value inside an accepted match is not found by a scan that starts inside that match.
        var texts = AssignmentTexts(longNames: true, separator: " ").Select(Gen.Int[0, 1000], (text, at) => (text, at % (text.Length + 1)));
        texts.ForAll((text, minStart) =>
        {
            foreach (var set in new[] { Anchored, Enumerated })
            {
                var whole = ScanProbe.Candidates(set, text).Where(c => c.Start >= minStart);
                Assert.Equal(whole, ScanProbe.Candidates(set, text, minStart));
            }
        }, iter: 1000);
    }

    [Fact]
    public void Scan_AcceptedValueHoldingAnAssignment_IsResumedAfterWhereverTheScanStarts()
    {
        // The quoted value of "token =" is accepted whole and holds the assignment to "apikey" inside it. The "apikey"
        // window reports that inner value; the "token" window, which resumed after the whole value, must not report it
        // a second time when the scan starts inside the outer value.
        const string Outer = "Zq8vRk2Lm9:apikey=Tx4Wp7Zq8vRk2L";
        var text = "token = \"" + Outer + "\" end";
        var inner = text.IndexOf("Tx4W", StringComparison.Ordinal);
        var minStart = text.IndexOf(':', StringComparison.Ordinal);

        var whole = ScanProbe.Candidates(Anchored, text);

        Assert.Equal([new Candidate(9, Outer.Length, GenericSecret, IsBlock: false), new Candidate(inner, text.Length - 5 - inner, GenericSecret, IsBlock: false)], whole);
        Assert.Equal(whole.Where(c => c.Start >= minStart), ScanProbe.Candidates(Anchored, text, minStart));
        Assert.Equal(whole.Where(c => c.Start >= minStart), ScanProbe.Candidates(Enumerated, text, minStart));
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
