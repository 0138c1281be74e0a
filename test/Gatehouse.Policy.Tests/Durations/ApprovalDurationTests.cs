using Gatehouse.Policy.Loading;

namespace Gatehouse.Policy.Tests.Durations;

/// <summary>The policy file's <c>approval.wait</c>, <c>timeout</c> and <c>expiry</c>: 1s to 366d, no zero.</summary>
public sealed class ApprovalDurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172_800)]
    [InlineData("1s", 1)]
    [InlineData("366d", 31_622_400)]
    public void Load_Timeout_Accepted(string text, int seconds)
    {
        var result = PolicyLoader.Load(Policy($"timeout: {text}"), "p.yaml");

        Assert.Empty(result.Errors);
        Assert.Equal(TimeSpan.FromSeconds(seconds), result.Document!.Rules[0].Approval!.Timeout);
    }

    [Theory]
    [InlineData("15", "a bare number is no longer read as seconds; write '15s' instead")]
    [InlineData("0s", "0s is outside the range")]
    [InlineData("500ms", "500ms is outside the range")]
    [InlineData("367d", "367d is outside the range")]
    [InlineData("5w", "'w' is not a unit")]
    [InlineData("1.5h", "write '90m' instead")]
    public void Load_Timeout_RefusedWithKeyValueAndForms(string text, string problem)
    {
        var error = Assert.Single(PolicyLoader.Load(Policy($"timeout: {text}"), "p.yaml").Errors);

        Assert.Contains($"approval.timeout: '{text}' is not a duration from 1s to 366d: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("such as 90s, 1h30m or 250ms", error.Message, StringComparison.Ordinal);
    }

    private static string Policy(string setting) =>
        $"rules:\n  - name: x\n    match: {{}}\n    effect: require_approval\n    approval: {{reviewer_users: [a], wait: 1s, {setting}}}\n";
}
