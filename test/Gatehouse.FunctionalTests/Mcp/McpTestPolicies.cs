namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>The policy rules the MCP tests share.</summary>
internal static class McpTestPolicies
{
    /// <summary>Contractors may call no <c>github.merge_*</c> tool.</summary>
    public const string NoMergesForContractors = """
          - name: no-merges-for-contractors
            match: {api: [mcp], groups: [contractors], tool_calls: {names: ['github.merge_*']}}
            effect: deny
            reason: contractors may not merge pull requests
        """;

    /// <summary>Returns a policy that allows by default, with <paramref name="rules"/> (each as indented YAML list items).</summary>
    public static string AllowBy(params string[] rules) => "default: allow\nrules:\n" + string.Join("\n", rules);
}
