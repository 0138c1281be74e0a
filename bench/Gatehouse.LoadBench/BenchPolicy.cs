namespace Gatehouse.LoadBench;

/// <summary>
/// The policy the everything-on gateway runs: rules a company would have (denials for other groups and connections,
/// CEL conditions on the caller and the prompt, approval for tool calls touching authentication code) that the
/// benchmark's requests walk through before the rule that allows them (the API key, or the development token's group).
/// Prompts up to 2,000,000 characters are allowed: an agent's twentieth turn is about 300 KB.
/// </summary>
internal static class BenchPolicy
{
    public static string Yaml(string connection, string anthropicConnection, string group)
    {
        var rules = new System.Text.StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            rules.Append($$"""
                  - name: team-{{i}}-other-connections
                    match: {groups: [team-{{i}}], connections: ['prod-{{i}}-*']}
                    when: "request.prompt_chars > {{1000 + i}} && !('oncall' in identity.groups)"
                    effect: deny
                    reason: team {{i}} may not use this connection

                """);
        }

        return $$"""
            default: deny
            rules:
              - name: contractors-never-prod
                match: {groups: [contractors], connections: ['prod*']}
                effect: deny
            {{rules}}  - name: auth-edits-need-review
                match:
                  direction: response
                  tool_calls: {paths: ['**/auth/**', '**/*.pem']}
                effect: require_approval
                approval: {reviewer_groups: [security]}
              - name: huge-prompts-denied
                match: {connections: [{{connection}}, {{anthropicConnection}}]}
                when: "request.prompt_chars > 2000000"
                effect: deny
              - name: bench-key-allowed
                match: {api_keys: [bench], connections: [{{connection}}, {{anthropicConnection}}]}
                effect: allow
              - name: bench-group-allowed
                match: {groups: [{{group}}], connections: [{{connection}}, {{anthropicConnection}}]}
                effect: allow
            """;
    }
}
