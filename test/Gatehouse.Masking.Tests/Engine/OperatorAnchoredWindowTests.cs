using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class OperatorAnchoredWindowTests
{
    private static readonly CompiledRuleSet Anchored = ScanProbe.Compile(BuiltInRules.All);

    private static readonly CompiledRuleSet Enumerated = ScanProbe.Compile(BuiltInRules.All.Select(r => r with { StartsAfterOperator = false }));

    private static readonly string[] Names = [.. BuiltInRules.All.Where(r => r.StartsAfterOperator).SelectMany(r => r.Keywords).Distinct()];

    [Fact]
    public void Catalog_ContextRules_StartAfterOperator() =>
        Assert.True(BuiltInRules.All.Count(r => r.StartsAfterOperator) >= 40);

    [Fact]
    public void Scan_AssignmentsWithQuotesAndSpaces_FindsTheSameCandidatesAsEnumeratingTheWindow()
    {
        var spaces = Gen.OneOf("", " ", "  ", "\t", "   ", "    ", "     ");
        var quote = Gen.OneOf("", "\"", "'", "\\\"", "\\'");
        var value = Gen.String[Gen.Char["abcXYZ0189+/_-!."], 4, 30];
        var assignment =
            from name in Gen.OneOf(Names)
            from upper in Gen.Bool
            from suffix in Gen.OneOf("", "_db", ".x", "-1")
            from q1 in quote
            from s1 in spaces
            from op in Gen.OneOf("=", ":", "=>", ":=", "==")
            from s2 in spaces
            from q2 in quote
            from v in value
            select (upper ? name.ToUpperInvariant() : name) + suffix + q1 + s1 + op + s2 + q2 + v + q2;
        var url =
            from scheme in Gen.OneOf("postgres", "https", "x", "1a", "")
            from user in Gen.OneOf("app", "", "a:b", "u@x", "  ")
            from password in value
            from host in Gen.OneOf("@db.example.com", "@[::1]", "@", "/path", " ")
            select scheme + "://" + user + ":" + password + host;
        var piece = Gen.Frequency(
            (4, assignment),
            (2, url),
            (2, Gen.OneOf(Names)),
            (3, Gen.OneOf("=", ":", "=>", " ", "\n", ";", ", ", "x", "é", "\"")));

        piece.Array[1, 12].Select(string.Concat).Sample(text =>
        {
            Assert.Equal(ScanProbe.Candidates(Enumerated, text), ScanProbe.Candidates(Anchored, text));
        }, iter: 1000);
    }

    [Fact]
    public void Scan_RuleExamples_FindsTheSameCandidatesAsEnumeratingTheWindow()
    {
        foreach (var rule in BuiltInRules.All.Where(r => r.StartsAfterOperator))
        {
            var text = "x " + rule.Example + " and " + rule.Example.Replace(" = ", ": ", StringComparison.Ordinal) + ";";
            var found = ScanProbe.Candidates(Anchored, text);

            Assert.NotEmpty(found);
            Assert.Equal(ScanProbe.Candidates(Enumerated, text), found);
        }
    }
}
