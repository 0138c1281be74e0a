using Gatehouse.Policy.Context;
using static Gatehouse.Policy.Tests.TestPolicies;

namespace Gatehouse.Policy.Tests;

public sealed class MatchKeyTests
{
    private const string EditAuth = """{"file_path":"src/auth/login.cs","old_string":"a","new_string":"b"}""";
    private const string EditReadme = """{"file_path":"README.md"}""";
    private const string PatchAuth = """{"input":"*** Begin Patch\n*** Update File: lib/auth/token.py\n@@\n-x\n+y\n*** End Patch"}""";
    private const string DiffPem = """{"patch":"--- a/deploy/server.pem\n+++ b/deploy/server.pem\n@@ -1 +1 @@\n-a\n+b\n"}""";

    public static TheoryData<string, string, PolicyContext, bool> Matrix => new()
    {
        { "users", "users: [alice]", Exchange(subject: "alice"), true },
        { "users by email", "users: ['*@example.com']", Exchange(subject: "bob"), true },
        { "users other", "users: [alice]", Exchange(subject: "bob"), false },
        { "groups any of", "groups: [contractors, ops]", Exchange(groups: ["dev", "ops"]), true },
        { "groups glob", "groups: ['team-*']", Exchange(groups: ["team-red"]), true },
        { "groups none", "groups: [contractors]", Exchange(groups: ["dev"]), false },
        { "api_keys", "api_keys: ['ci-*']", Exchange() with { Identity = new PolicyIdentity { KeyName = "ci-bot" } }, true },
        { "api_keys none for token", "api_keys: ['*']", Exchange(), false },
        { "connections", "connections: [prod, staging]", Exchange(connection: "prod"), true },
        { "connections other", "connections: [prod]", Exchange(connection: "dev"), false },
        { "models glob", "models: ['gpt-4*']", Exchange(model: "gpt-4o-mini"), true },
        { "models other", "models: ['claude-*']", Exchange(model: "gpt-4o"), false },
        { "models empty model", "models: ['*']", Exchange(model: ""), false },
        { "direction request", "direction: request", Exchange(direction: PolicyDirection.Request), true },
        { "direction response", "direction: response", Exchange(direction: PolicyDirection.Request), false },
        { "api list", "api: [chat, messages]", Exchange(api: PolicyApi.Messages), true },
        { "api other", "api: responses", Exchange(api: PolicyApi.Chat), false },
        { "api http", "api: http", Exchange(api: PolicyApi.Http), true },
        { "request_paths", "request_paths: ['/v1/*/completions']", Exchange(), true },
        { "request_paths other", "request_paths: ['/v1/embeddings']", Exchange(), false },
        { "findings category", "findings: [cloud-credential]", Exchange() with { Findings = [new("aws-key", "cloud-credential", PolicyDirection.Request)] }, true },
        { "findings rule id", "findings: ['aws-*']", Exchange() with { Findings = [new("aws-key", "cloud-credential", PolicyDirection.Request)] }, true },
        { "findings none", "findings: [pii]", Exchange(), false },
        { "tool name", "tool_calls: {names: ['edit*']}", Exchange().WithTool("edit_file", EditReadme), true },
        { "tool name other", "tool_calls: {names: [bash]}", Exchange().WithTool("edit_file", EditReadme), false },
        { "tool no calls", "tool_calls: {names: ['*']}", Exchange(), false },
        { "tool path argument", "tool_calls: {paths: ['**/auth/**', '**/*.pem']}", Exchange().WithTool("Edit", EditAuth), true },
        { "tool path other file", "tool_calls: {paths: ['**/auth/**']}", Exchange().WithTool("Edit", EditReadme), false },
        { "tool path any call", "tool_calls: {paths: ['**/auth/**']}", Exchange().WithTool("Edit", EditReadme).WithTool("Edit", EditAuth), true },
        { "tool path in patch envelope", "tool_calls: {paths: ['**/auth/**']}", Exchange().WithTool("apply_patch", PatchAuth), true },
        { "tool path in unified diff", "tool_calls: {paths: ['**/*.pem']}", Exchange().WithTool("apply_diff", DiffPem), true },
        { "tool name and path both", "tool_calls: {names: [bash], paths: ['**/auth/**']}", Exchange().WithTool("Edit", EditAuth), false },
        { "tool argument glob", "tool_calls: {arguments: {command: ['rm -rf **', 'curl **']}}", Exchange().WithTool("bash", """{"command":"rm -rf /"}"""), true },
        { "tool argument other", "tool_calls: {arguments: {command: 'rm -rf **'}}", Exchange().WithTool("bash", """{"command":"ls"}"""), false },
        { "tool argument missing", "tool_calls: {arguments: {command: '**'}}", Exchange().WithTool("bash", "{}"), false },
        { "all keys together", "users: [alice]\nconnections: [openai]\nmodels: ['gpt-*']\ndirection: request", Exchange(), true },
        { "all keys one fails", "users: [alice]\nconnections: [openai]\nmodels: ['claude-*']", Exchange(), false },
        { "empty match", "{}", Exchange(), true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Evaluate_MatchKey_DeniesExactlyWhenKeyHolds(string label, string match, PolicyContext context, bool denied)
    {
        var decision = DenyWhen(match).Evaluate(context);

        Assert.True(denied == (decision.Effect == PolicyEffect.Deny), $"{label}: got {decision.Effect}");
        Assert.Equal(denied ? "target" : null, decision.DecidedBy);
    }

    [Fact]
    public void Evaluate_ToolPathMatch_TrailNamesTheFileAndPattern()
    {
        var decision = DenyWhen("tool_calls: {paths: ['**/auth/**']}").Evaluate(Exchange().WithTool("apply_patch", PatchAuth));

        var entry = Assert.Single(decision.Trail);
        Assert.Contains("'lib/auth/token.py' (matches '**/auth/**')", entry.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CustomPathArguments_ReadsOnlyThoseNames()
    {
        var evaluator = new PolicyEvaluator(Load("""
            path_arguments: [notebook_path]
            default: allow
            rules:
              - name: notebooks
                match: {tool_calls: {paths: ['**/secret/**']}}
                effect: deny
            """));

        Assert.Equal(PolicyEffect.Deny, evaluator.Evaluate(Exchange().WithTool("nb", """{"notebook_path":"secret/a.ipynb"}""")).Effect);
        Assert.Equal(PolicyEffect.Allow, evaluator.Evaluate(Exchange().WithTool("nb", """{"path":"secret/a.ipynb"}""")).Effect);
    }
}
