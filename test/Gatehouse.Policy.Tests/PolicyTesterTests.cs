using Gatehouse.Policy.Checking;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Policy.Tests;

public sealed class PolicyTesterTests
{
    private const string AuthApprovalPolicy = """
        default: deny
        rules:
          - name: developers-may-chat
            match: {groups: [dev], connections: [openai]}
            effect: allow
          - name: auth-edits-need-review
            match:
              direction: response
              tool_calls: {paths: ['**/auth/**', '**/*.pem']}
            effect: require_approval
            approval: {reviewer_groups: [security]}
          - name: night-shift
            match: {}
            when: "time.getHours() >= 22 && !('oncall' in identity.groups)"
            effect: deny
            reason: outside working hours
        """;

    private static readonly PolicyDocument Document = TestPolicies.Load(AuthApprovalPolicy);
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Test_ResponseEditingAuthFile_RequiresApprovalWithTrail()
    {
        const string sample = """
            {
              "user": "alice", "groups": ["dev"], "connection": "openai", "api": "chat", "model": "gpt-4o",
              "direction": "response",
              "tool_calls": [{"name": "apply_patch", "arguments": {"input": "*** Begin Patch\n*** Update File: src/auth/login.cs\n*** End Patch"}}]
            }
            """;

        var decision = PolicyTester.Test(Document, sample, Time).Decision!;

        Assert.Equal(PolicyEffect.RequireApproval, decision.Effect);
        Assert.Equal(["developers-may-chat", "auth-edits-need-review"], decision.Trail.Select(t => t.Rule));
        Assert.Equal(ApprovalHold.Response, decision.Approval!.Hold);
    }

    [Theory]
    [InlineData(null, null, PolicyEffect.Allow)]
    [InlineData("mallory", "guests", PolicyEffect.Deny)]
    public void Test_Overrides_ReplaceUserAndGroups(string? user, string? groups, PolicyEffect expected)
    {
        const string sample = """{"user": "alice", "groups": ["dev"], "connection": "openai", "prompt": "hello"}""";
        var overrides = new SampleOverrides { User = user, Groups = groups?.Split(',') };

        Assert.Equal(expected, PolicyTester.Test(Document, sample, Time, overrides).Decision!.Effect);
    }

    [Fact]
    public void Test_SampleTime_UsedByConditions()
    {
        const string sample = """{"user": "alice", "groups": ["dev"], "connection": "openai", "time": "2026-03-02T23:00:00Z"}""";

        var decision = PolicyTester.Test(Document, sample, Time).Decision!;

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal("outside working hours", decision.Reason);
    }

    [Fact]
    public void Test_InvalidSample_EveryFieldProblemListed()
    {
        const string sample = """{"usr": "alice", "groups": "dev", "direction": "sideways", "findings": [1]}""";

        var result = PolicyTester.Test(Document, sample, Time);

        Assert.Null(result.Decision);
        Assert.Equal(
            ["unknown sample field 'usr'", "sample field 'groups' must be a list of strings",
             "sample field 'direction' has an unknown value 'sideways'", "sample field 'findings' must be a list of objects"],
            result.SampleErrors);
    }

    [Fact]
    public void TestFiles_InvalidPolicy_ReturnsPolicyErrorsAndNoDecision()
    {
        var directory = Directory.CreateTempSubdirectory("policy-test-").FullName;
        try
        {
            var policy = Path.Combine(directory, "p.yaml");
            var sample = Path.Combine(directory, "s.json");
            File.WriteAllText(policy, "rules:\n  - name: x\n    match: {}\n    effect: nope\n");
            File.WriteAllText(sample, "{}");

            var result = PolicyTester.TestFiles(policy, sample, Time);
            var lint = PolicyLinter.LintFile(policy);

            Assert.Null(result.Decision);
            Assert.Equal(4, Assert.Single(result.PolicyErrors).Line);
            Assert.Equal(result.PolicyErrors, lint);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Format_ApprovalDecision_PrintsDecisionApprovalAndTrail()
    {
        const string sample = """{"user": "alice", "groups": ["dev"], "connection": "openai", "direction": "response", "tool_calls": [{"name": "Edit", "arguments": "{\"file_path\": \"certs/site.pem\"}"}]}""";

        var text = PolicyDecisionFormatter.Format(PolicyTester.Test(Document, sample, Time).Decision!);

        Assert.Equal(
            """
            decision: require_approval (by rule 'auth-edits-need-review')
            reason: approval required by policy rule 'auth-edits-need-review'
            approval: 1 of groups [security] users []; deny threshold 1; hold response; wait 00:01:00; timeout 00:15:00; expiry 01:00:00
            trail:
              - developers-may-chat (line 3): allow
                  connections: 'openai' matches 'openai'
                  groups: 'dev' matches 'dev'
              - auth-edits-need-review (line 6): require_approval
                  direction: response
                  tool_calls: 'Edit' touches 'certs/site.pem' (matches '**/*.pem')

            """,
            text);
    }
}
