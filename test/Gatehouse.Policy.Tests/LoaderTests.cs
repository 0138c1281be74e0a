using Gatehouse.Policy.Loading;

namespace Gatehouse.Policy.Tests;

public sealed class LoaderTests
{
    [Fact]
    public void Load_ManyMistakes_ReportsEveryOneWithLineAndColumn()
    {
        var yaml = """
            default: maybe
            colour: blue
            rules:
              - name: one
                match: {groups: [dev], planet: mars}
                effect: allow
              - name: one
                match: {direction: sideways}
                effect: permit
              - match: {api: [chat, telex]}
                effect: deny
              - name: hold
                match: {}
                effect: require_approval
                approval: {approvals: 0, wait: soon, hold: both}
              - name: stray-approval
                match: {}
                effect: allow
                approval: {reviewer_groups: [x]}
            """;

        var errors = PolicyLoader.Load(yaml, "p.yaml").Errors;

        var expected = new (int Line, int Column, string Fragment)[]
        {
            (1, 10, "default must be 'deny' or 'allow', not 'maybe'"),
            (2, 1, "unknown key 'colour' in the policy file"),
            (5, 28, "unknown key 'planet'"),
            (7, 5, "rule name 'one' is already used by the rule at line 4"),
            (8, 24, "match.direction must be request or response, not 'sideways'"),
            (9, 13, "effect must be allow, deny or require_approval, not 'permit'"),
            (10, 5, "a rule needs a 'name'"),
            (10, 25, "match.api must be chat, responses, messages, completions, mcp or http, not 'telex'"),
            (15, 15, "needs reviewer_groups or reviewer_users"),
            (15, 27, "approvals must be a whole number of at least 1"),
            (15, 36, "wait: 'soon' is not a duration from 1s to 366d"),
            (15, 48, "hold must be request or response, not 'both'"),
            (19, 15, "'approval' only applies to effect require_approval"),
        };
        Assert.Equal(expected.Length, errors.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                (expected[i].Line, expected[i].Column) == (errors[i].Line, errors[i].Column) && errors[i].Message.Contains(expected[i].Fragment, StringComparison.Ordinal),
                $"expected {expected[i]} but got {errors[i]}; all: {string.Join(" | ", errors)}");
        }
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportedWithPosition()
    {
        var error = Assert.Single(PolicyLoader.Load("rules:\n  - name: a\n   bad: [\n", "p.yaml").Errors);

        Assert.Equal("p.yaml", error.Source);
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 2);
    }

    [Theory]
    [InlineData("", "exactly one YAML document")]
    [InlineData("rules: []\nrules: []\n", "Duplicate key")]
    [InlineData("- a\n- b\n", "the policy file must be a mapping")]
    [InlineData("default: deny\n", "needs a 'rules' list")]
    [InlineData("rules: {}\n", "rules must be a list")]
    [InlineData("rules:\n  - name: x\n    effect: allow\n", "needs a 'match'")]
    [InlineData("rules:\n  - name: x\n    match: {}\n", "needs an 'effect'")]
    [InlineData("rules:\n  - name: x\n    match: {}\n    effect: require_approval\n", "require_approval needs an 'approval'")]
    [InlineData("rules:\n  - name: x\n    match: {tool_calls: {}}\n    effect: deny\n", "needs names, paths or arguments")]
    [InlineData("rules:\n  - name: x\n    match: {models: []}\n    effect: deny\n", "non-empty list")]
    [InlineData("rules:\n  - name: x\n    match: {}\n    effect: allow\n    masking: {request: hide}\n", "mask, block or off")]
    [InlineData("rules:\n  - name: x\n    match: {}\n    effect: allow\n    audit: everything\n", "full or metadata")]
    [InlineData("rules:\n  - name: x\n    match: {}\n    effect: require_approval\n    approval: {reviewer_users: [a], wait: 1h, timeout: 10m}\n", "must not exceed timeout")]
    public void Load_InvalidShape_OneClearError(string yaml, string fragment)
    {
        var errors = PolicyLoader.Load(yaml, "p.yaml").Errors;

        Assert.Contains(errors, e => e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ApprovalWithoutParameters_FilledWithDocumentedDefaults()
    {
        var document = TestPolicies.Load("""
            rules:
              - name: auth-edits
                match: {tool_calls: {paths: ['**/auth/**']}}
                effect: require_approval
                approval: {reviewer_groups: [security]}
              - name: big-prompts
                match: {}
                effect: require_approval
                approval: {reviewer_users: [carol]}
            """);

        var onTools = document.Rules[0].Approval!;
        Assert.Equal(["security"], onTools.ReviewerGroups);
        Assert.Equal(1, onTools.Approvals);
        Assert.Equal(1, onTools.DenyThreshold);
        Assert.Equal(TimeSpan.FromSeconds(60), onTools.Wait);
        Assert.Equal(TimeSpan.FromMinutes(15), onTools.Timeout);
        Assert.Equal(TimeSpan.FromHours(1), onTools.Expiry);
        Assert.Equal(ApprovalHold.Response, onTools.Hold);
        Assert.Equal(ApprovalHold.Request, document.Rules[1].Approval!.Hold);
    }

    [Fact]
    public void Load_ApprovalWithParameters_ParsedAsWritten()
    {
        var document = TestPolicies.Load("""
            rules:
              - name: prod
                match: {connections: [prod]}
                effect: require_approval
                approval:
                  reviewer_groups: [sre, security]
                  reviewer_users: [carol@example.com]
                  approvals: 2
                  deny_threshold: 3
                  wait: 2m
                  timeout: 1h30m
                  expiry: 2d
                  hold: response
            """);

        Assert.Equal(
            new ApprovalRequirement
            {
                ReviewerGroups = document.Rules[0].Approval!.ReviewerGroups,
                ReviewerUsers = document.Rules[0].Approval!.ReviewerUsers,
                Approvals = 2,
                DenyThreshold = 3,
                Wait = TimeSpan.FromMinutes(2),
                Timeout = TimeSpan.FromMinutes(90),
                Expiry = TimeSpan.FromDays(2),
                Hold = ApprovalHold.Response,
            },
            document.Rules[0].Approval);
        Assert.Equal(["sre", "security"], document.Rules[0].Approval!.ReviewerGroups);
        Assert.Equal(["carol@example.com"], document.Rules[0].Approval!.ReviewerUsers);
    }

    [Fact]
    public void Load_ValidPolicy_KeepsRuleOrderPositionsAndSettings()
    {
        var document = TestPolicies.Load("""
            default: allow
            path_arguments: [path, notebook_path]
            rules:
              - name: a
                match: {}
                effect: allow
              - name: b
                match: {}
                effect: deny
                reason: no
            """);

        Assert.Equal(PolicyEffect.Allow, document.Default);
        Assert.Equal(["path", "notebook_path"], document.PathArguments);
        Assert.Equal(["a", "b"], document.Rules.Select(r => r.Name));
        Assert.Equal((7, 5), (document.Rules[1].Line, document.Rules[1].Column));
        Assert.Equal("no", document.Rules[1].Reason);
    }
}
