using Gatehouse.FunctionalTests.Infrastructure;

namespace Gatehouse.FunctionalTests;

public sealed class PolicyCommandTests : IDisposable
{
    private const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev], connections: [openai]}
            effect: allow
          - name: auth-edits-need-review
            match:
              direction: response
              tool_calls: {paths: ['**/auth/**']}
            effect: require_approval
            reason: changes to authentication code need a security review
            approval:
              reviewer_groups: [security]
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-policy-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Lint_ValidPolicy_ExitsZero()
    {
        var result = await GatehouseCommand.RunAsync("policy", "lint", Write("policy.yaml", Policy));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("policy: valid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_BrokenPolicy_ListsEveryErrorWithLineAndColumn_AndExitsOne()
    {
        var path = Write("broken.yaml", "rules:\n  - name: a\n    effect: maybe\n  - name: b\n    match: {colour: red}\n    effect: allow\n");

        var result = await GatehouseCommand.RunAsync("policy", "lint", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.yaml:2:5: rule 'a' needs a 'match'", result.Output, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:3:13:", result.Output, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:5:13: unknown key 'colour'", result.Output, StringComparison.Ordinal);
        Assert.Contains("policy: 3 error(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ToolCallEditingAuthCode_IsHeldForApproval_AndOtherEditsPass()
    {
        var policy = Write("policy.yaml", Policy);
        var auth = Write("auth.json", """{"user":"alice","groups":["dev"],"connection":"openai","direction":"response","tool_calls":[{"name":"Edit","arguments":{"file_path":"src/auth/login.cs"}}]}""");
        var other = Write("other.json", """{"user":"alice","groups":["dev"],"connection":"openai","direction":"response","tool_calls":[{"name":"Edit","arguments":{"file_path":"src/ui/menu.cs"}}]}""");

        var held = await GatehouseCommand.RunAsync("policy", "test", policy, "--request", auth);
        var passed = await GatehouseCommand.RunAsync("policy", "test", policy, "--request", other);
        var stranger = await GatehouseCommand.RunAsync("policy", "test", policy, "--request", other, "--groups", "marketing");

        Assert.Equal(1, held.ExitCode);
        Assert.Contains("auth-edits-need-review", held.Output, StringComparison.Ordinal);
        Assert.Equal(0, passed.ExitCode);
        Assert.Equal(1, stranger.ExitCode);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
