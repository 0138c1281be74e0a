using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Rules;

public sealed class BuiltInRuleTests
{
    private static readonly MaskingEngine Engine = TestEngines.Everything;

    public static TheoryData<string> RuleIds() => [.. BuiltInRules.All.Select(r => r.Id)];

    [Fact]
    public void Catalog_Secrets_HasAtLeast150DistinctTypes()
    {
        var ids = BuiltInRules.Secrets.Select(r => r.Id).ToList();
        Assert.True(ids.Count >= 150, $"only {ids.Count} secret rules");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Example_InProse_IsFoundByItsRule(string id)
    {
        var example = BuiltInRules.All.Single(r => r.Id == id).Example;
        var text = "Here it is: " + example + " (end)\n";

        var findings = Engine.Scan(text);

        Assert.Contains(findings, f => f.RuleId == id);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Example_Masked_LeavesNoLongFragmentOfTheValue(string id)
    {
        var example = BuiltInRules.All.Single(r => r.Id == id).Example;
        var text = "value: " + example + "\n";

        var finding = Engine.Scan(text).First(f => f.RuleId == id);
        var value = text.Substring(finding.Offset, finding.Length);
        var masked = Engine.Mask(text).MaskedText!;

        Assert.DoesNotContain(value, masked, StringComparison.Ordinal);
        Assert.Contains("[MASKED:" + id + "]", masked, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Example_TruncatedToAFewCharacters_IsNotFoundByItsRule(string id)
    {
        var example = BuiltInRules.All.Single(r => r.Id == id).Example;
        var finding = Engine.Scan(example).First(f => f.RuleId == id);
        var nearMiss = example[..(finding.Offset + Math.Min(finding.Length / 3, 5))] + " ok";

        Assert.DoesNotContain(Engine.Scan(nearMiss), f => f.RuleId == id);
    }
}
