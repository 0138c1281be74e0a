using static Gatehouse.Policy.Tests.TestPolicies;

namespace Gatehouse.Policy.Tests;

public sealed class ResponseHoldTests
{
    private const string AuthEdits = """
        default: allow
        rules:
          - name: request-review
            match: {models: ['o9*']}
            effect: require_approval
            approval: {reviewer_groups: [leads]}
          - name: auth-edits
            match: {direction: response, groups: [dev], tool_calls: {paths: ['**/auth/**']}}
            effect: require_approval
            approval: {reviewer_groups: [security]}
          - name: everything-from-contractors
            match: {groups: [contractors]}
            effect: require_approval
            approval: {reviewer_groups: [security], hold: response}
          - name: secrets-in-answers
            match: {direction: response, groups: [auditors], findings: [secret]}
            effect: require_approval
            approval: {reviewer_groups: [security]}
        """;

    private static readonly PolicyEvaluator Evaluator = new(Load(AuthEdits));

    [Theory]
    [InlineData("dev", ResponseHoldScope.ToolCalls)]
    [InlineData("contractors", ResponseHoldScope.Whole)]
    [InlineData("auditors", ResponseHoldScope.Whole)]
    [InlineData("ops", ResponseHoldScope.None)]
    public void ResponseHoldScope_BeforeTheResponse_AssumesWhatItCannotKnow(string group, ResponseHoldScope expected)
    {
        var scope = Evaluator.ResponseHoldScope(Exchange(groups: [group], direction: PolicyDirection.Response));

        Assert.Equal(expected, scope);
    }

    [Fact]
    public void ResponseHoldScope_PolicyWithoutResponseHolds_IsNone()
    {
        var evaluator = new PolicyEvaluator(Load("""
            rules:
              - name: review-requests
                match: {}
                effect: require_approval
                approval: {reviewer_groups: [leads], hold: request}
            """));

        Assert.Equal(ResponseHoldScope.None, evaluator.ResponseHoldScope(Exchange(direction: PolicyDirection.Response)));
    }

    [Fact]
    public void ResponseHoldScope_DenyRuleInTheResponseDirection_HoldsFromTheToolCalls_ADirectionlessOneDoesNot()
    {
        var evaluator = new PolicyEvaluator(Load("""
            default: allow
            rules:
              - name: no-deletion
                match: {direction: response, tool_calls: {names: ['delete_*']}}
                effect: deny
              - name: no-contractors
                match: {groups: [contractors]}
                effect: deny
            """));

        Assert.Equal(ResponseHoldScope.ToolCalls, evaluator.ResponseHoldScope(Exchange(groups: ["dev"], direction: PolicyDirection.Response)));
        Assert.Equal(ResponseHoldScope.None, new PolicyEvaluator(Load("""
            default: allow
            rules:
              - name: no-contractors
                match: {groups: [contractors]}
                effect: deny
            """)).ResponseHoldScope(Exchange(groups: ["contractors"], direction: PolicyDirection.Response)));
    }

    [Theory]
    [InlineData("""{"path":"src/auth/login.cs","content":"x"}""", true)]
    [InlineData("""{"path":"src/app/main.cs","content":"x"}""", false)]
    [InlineData("""{"patch":"--- a/src/auth/token.cs\n+++ b/src/auth/token.cs\n@@ -1 +1 @@\n-a\n+b\n"}""", true)]
    public void ResponseHolds_ToolCallTouchingAuth_NamesTheHoldingRule(string arguments, bool held)
    {
        var decision = Evaluator.Evaluate(Exchange(groups: ["dev"], direction: PolicyDirection.Response).WithTool("edit_file", arguments));

        var holds = Evaluator.ResponseHolds(decision);

        Assert.Equal(held ? ["auth-edits"] : [], holds.Select(r => r.Name));
    }

    [Fact]
    public void ResponseHolds_RequestHoldRuleFirstInTheFile_StillFindsTheResponseHold()
    {
        var decision = Evaluator.Evaluate(
            Exchange(groups: ["dev"], model: "o9-large", direction: PolicyDirection.Response).WithTool("write", """{"file_path":"a/auth/b.pem"}"""));

        Assert.Equal("request-review", decision.DecidedBy);
        Assert.Equal(["auth-edits"], Evaluator.ResponseHolds(decision).Select(r => r.Name));
    }

    [Theory]
    [InlineData("reviewed", true)]
    [InlineData("dev", false)]
    public void MayDecideResponsesOfAnyApi_IgnoresTheApiModelAndPathOfTheExchange(string group, bool expected)
    {
        var evaluator = new PolicyEvaluator(Load("""
            default: allow
            rules:
              - name: auth-edits-in-responses
                match: {direction: response, api: [responses], models: ['o9*'], request_paths: ['/v1/responses'], groups: [reviewed], tool_calls: {paths: ['**/auth/**']}}
                effect: require_approval
                approval: {reviewer_groups: [security]}
            """));
        var fetch = Exchange(groups: [group], model: "", direction: PolicyDirection.Response, api: PolicyApi.Http) with { Path = "/v1/responses/resp_1" };

        Assert.Equal(ResponseHoldScope.None, evaluator.ResponseHoldScope(fetch));
        Assert.Equal(expected, evaluator.MayDecideResponsesOfAnyApi(fetch));
    }
}
