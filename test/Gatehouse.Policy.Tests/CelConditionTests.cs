using Gatehouse.Policy.Context;
using Gatehouse.Policy.Loading;
using static Gatehouse.Policy.Tests.TestPolicies;

namespace Gatehouse.Policy.Tests;

public sealed class CelConditionTests
{
    private static PolicyContext Rich() => Exchange(subject: "alice", groups: ["dev", "oncall"]) with
    {
        Identity = new PolicyIdentity
        {
            Subject = "alice",
            Email = "alice@example.com",
            Groups = ["dev", "oncall"],
            Issuer = "https://id.example.com",
            KeyName = "",
            Method = "oidc",
        },
        Api = PolicyApi.Responses,
        Direction = PolicyDirection.Response,
        PromptChars = 12_000,
        ClientAddress = "10.1.2.3",
        Findings = [new PolicyFinding("aws-access-key", "cloud-credential", PolicyDirection.Request)],
        ToolCalls = [new PolicyToolCall("Edit", """{"file_path":"src/auth/login.cs","replace_all":true,"count":3}""")],
        Grants = ["prod"],
        Time = new DateTimeOffset(2026, 3, 2, 22, 30, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData("identity.subject == 'alice'", true)]
    [InlineData("identity.email.endsWith('@example.com')", true)]
    [InlineData("'oncall' in identity.groups", true)]
    [InlineData("identity.issuer == 'https://id.example.com'", true)]
    [InlineData("identity.key_name == ''", true)]
    [InlineData("identity.method == 'oidc'", true)]
    [InlineData("connection == 'openai'", true)]
    [InlineData("api == 'responses'", true)]
    [InlineData("model.startsWith('gpt-4')", true)]
    [InlineData("direction == 'response'", true)]
    [InlineData("request.path == '/v1/chat/completions'", true)]
    [InlineData("request.prompt_chars > 10000", true)]
    [InlineData("request.prompt_chars > 20000", false)]
    [InlineData("request.client_address.startsWith('10.')", true)]
    [InlineData("findings.exists(f, f.category == 'cloud-credential' && f.direction == 'request')", true)]
    [InlineData("findings.exists(f, f.rule == 'pii-email')", false)]
    [InlineData("tool_calls.exists(t, t.name == 'Edit' && t.arguments.replace_all)", true)]
    [InlineData("tool_calls.exists(t, t.arguments.count == 3)", true)]
    [InlineData("tool_calls.exists(t, t.paths.exists(p, p.startsWith('src/auth/')))", true)]
    [InlineData("size(tool_calls) == 1", true)]
    [InlineData("time.getHours() >= 22", true)]
    [InlineData("time > timestamp('2026-03-03T00:00:00Z')", false)]
    [InlineData("'prod' in grants", true)]
    [InlineData("duration('1h30m') > duration('1h')", true)]
    [InlineData("duration('1m30ms') < duration('1m')", false)]
    [InlineData("duration('2d') < duration('47h')", false)]
    [InlineData("time - duration('-1h') > time", true)]
    [InlineData("'staging' in grants", false)]
    public void Evaluate_ContextField_ConditionSeesIt(string expression, bool holds)
    {
        var decision = DenyWhen("{}", expression).Evaluate(Rich());

        Assert.Equal(holds ? PolicyEffect.Deny : PolicyEffect.Allow, decision.Effect);
    }

    [Fact]
    public void Evaluate_ConditionHolds_TrailShowsTheExpression()
    {
        var decision = DenyWhen("{}", "'prod' in grants").Evaluate(Rich());

        Assert.Contains("when: 'prod' in grants", decision.Trail[0].Reasons);
    }

    [Theory]
    [InlineData("deny", PolicyEffect.Deny, true)]
    [InlineData("allow", PolicyEffect.Deny, false)]
    public void Evaluate_ConditionFailsToEvaluate_FailsClosed(string effect, PolicyEffect expected, bool applied)
    {
        // 'model + 1' type-checks only at run time: adding a string and an int fails for every exchange.
        var evaluator = new PolicyEvaluator(Load($"""
            rules:
              - name: broken
                match: {"{}"}
                when: "model + 1 == 2"
                effect: {effect}
            """));

        var decision = evaluator.Evaluate(Rich());

        Assert.Equal(expected, decision.Effect);
        var entry = Assert.Single(decision.Trail);
        Assert.Equal(applied, entry.Applied);
        Assert.Contains("fail-closed", entry.Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConditionNotBoolean_FailsClosedForApproval()
    {
        var evaluator = new PolicyEvaluator(Load("""
            default: allow
            rules:
              - name: odd
                match: {}
                when: "model"
                effect: require_approval
                approval: {reviewer_groups: [security]}
            """));

        Assert.Equal(PolicyEffect.RequireApproval, evaluator.Evaluate(Rich()).Effect);
    }

    [Theory]
    [InlineData("identity.subject ==", 5, 30, "CEL syntax error")]
    [InlineData("model == 'x' &&", 5, 26, "CEL syntax error")]
    [InlineData("identiti.subject == 'x'", 5, 11, "CEL name error")]
    [InlineData("glob(model, 'x')", 5, 11, "CEL name error")]
    [InlineData("model.matches('(?<=a)b')", 5, 11, "CEL error: invalid regular expression")]
    public void Load_BadCondition_ErrorAtTheRulesWhenWithPosition(string expression, int line, int column, string kind)
    {
        var yaml = $"""
            rules:
              - name: first
                match: {"{}"}
                effect: allow
                when: {expression}
            """;

        var error = Assert.Single(PolicyLoader.Load(yaml, "p.yaml").Errors);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"rule 'first': when: {kind}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadConditionInBlockScalar_ErrorAtValueWithExpressionPosition()
    {
        var yaml = """
            rules:
              - name: block
                match: {}
                effect: deny
                when: >-
                  identity.subject == 'a' &&
                  (
            """;

        var error = Assert.Single(PolicyLoader.Load(yaml, "p.yaml").Errors);

        Assert.Equal(5, error.Line);
        Assert.Contains("of the expression", error.Message, StringComparison.Ordinal);
    }
}
