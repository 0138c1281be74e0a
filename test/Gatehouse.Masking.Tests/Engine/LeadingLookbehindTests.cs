using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class LeadingLookbehindTests
{
    [Fact]
    public void TrySplit_EveryOperatorAnchoredRule_SplitsBeforeItsValue()
    {
        foreach (var rule in BuiltInRules.All.Where(r => r.StartsAfterOperator))
        {
            Assert.True(LeadingLookbehind.TrySplit(rule.Pattern, out var behind, out var rest), rule.Id);
            Assert.Equal(rule.Pattern, behind + rest);
            Assert.StartsWith("(?<=", behind, StringComparison.Ordinal);
            Assert.EndsWith(")", behind, StringComparison.Ordinal);
            _ = new System.Text.RegularExpressions.Regex(behind);
            _ = new System.Text.RegularExpressions.Regex(rest);
        }
    }

    [Theory]
    [InlineData(@"(?<=a\)b)c", @"(?<=a\)b)", "c")]
    [InlineData(@"(?<=[)(]x)y", @"(?<=[)(]x)", "y")]
    [InlineData(@"(?<=[])]x)y", @"(?<=[])]x)", "y")]
    [InlineData(@"(?<=[^])]x)y", @"(?<=[^])]x)", "y")]
    [InlineData(@"(?<=(?i:a|(b))\s)[a-z]{8}", @"(?<=(?i:a|(b))\s)", "[a-z]{8}")]
    public void TrySplit_ParenthesesEscapedOrInClasses_AreNotCounted(string pattern, string behind, string rest)
    {
        Assert.True(LeadingLookbehind.TrySplit(pattern, out var b, out var r));
        Assert.Equal((behind, rest), (b, r));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("(?<=abc)")]
    [InlineData("(?<=ab")]
    [InlineData("(?<!a)b")]
    public void TrySplit_NoLeadingLookbehindWithSomethingAfter_Refuses(string pattern) =>
        Assert.False(LeadingLookbehind.TrySplit(pattern, out _, out _));
}
