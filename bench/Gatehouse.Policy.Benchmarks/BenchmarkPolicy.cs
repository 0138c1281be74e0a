using System.Text;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.Loading;

namespace Gatehouse.Policy.Benchmarks;

/// <summary>A 200-rule policy shaped like a large organisation's: most rules scoped to a team or connection, a third with CEL.</summary>
internal static class BenchmarkPolicy
{
    public const int RuleCount = 200;

    public static PolicyDocument Build(int rules)
    {
        var yaml = new StringBuilder("default: deny\nrules:\n");
        for (var i = 0; i < rules; i++)
        {
            var team = $"team-{i % 40}";
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - name: rule-{i}\n");
            switch (i % 6)
            {
                case 0:
                    yaml.Append($"    match: {{groups: [{team}], connections: [conn-{i % 10}, openai]}}\n    effect: allow\n");
                    break;
                case 1:
                    yaml.Append($"    match: {{groups: [{team}], models: ['gpt-4*', 'claude-*']}}\n");
                    yaml.Append("    when: \"request.prompt_chars < 200000 && !('contractors' in identity.groups)\"\n    effect: allow\n");
                    break;
                case 2:
                    yaml.Append($"    match: {{direction: response, tool_calls: {{paths: ['**/svc-{i}/auth/**', '**/*.pem']}}}}\n");
                    yaml.Append("    effect: require_approval\n    approval: {reviewer_groups: [security]}\n");
                    break;
                case 3:
                    yaml.Append($"    match: {{connections: [conn-{i % 10}], findings: [cloud-credential]}}\n    effect: deny\n");
                    break;
                case 4:
                    yaml.Append($"    match: {{users: ['*@team{i}.example.com'], api: [chat, responses]}}\n");
                    yaml.Append("    when: \"time.getHours() >= 22 || findings.exists(f, f.category == 'pii')\"\n    effect: deny\n");
                    break;
                default:
                    yaml.Append($"    match: {{connections: [openai], groups: [{team}]}}\n");
                    yaml.Append("    when: \"tool_calls.exists(t, t.name == 'bash') && !('prod' in grants)\"\n    effect: deny\n");
                    break;
            }
        }

        var result = PolicyLoader.Load(yaml.ToString(), "bench.yaml");
        return result.Document ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    /// <summary>A developer in three groups, one of which several CEL rules are scoped to.</summary>
    public static PolicyContext Request() => new()
    {
        Identity = new PolicyIdentity { Subject = "alice", Email = "alice@example.com", Groups = ["team-1", "team-5", "all-staff"], Method = "oidc" },
        Connection = "openai",
        Api = PolicyApi.Chat,
        Model = "gpt-4o",
        Direction = PolicyDirection.Request,
        Path = "/v1/chat/completions",
        PromptChars = 18_000,
        ClientAddress = "10.0.0.7",
        Time = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero),
        Grants = ["staging"],
    };

    /// <summary>The same developer's response carrying a patch to an auth file and a shell call.</summary>
    public static PolicyContext Response() => Request() with
    {
        Direction = PolicyDirection.Response,
        ToolCalls =
        [
            new PolicyToolCall("apply_patch", """{"input":"*** Begin Patch\n*** Update File: src/svc-2/auth/login.cs\n@@\n-a\n+b\n*** End Patch"}"""),
            new PolicyToolCall("bash", """{"command":"dotnet test","cwd":"/repo"}"""),
        ],
    };
}
