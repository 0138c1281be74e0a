using Gatehouse.Policy.Context;
using Gatehouse.Policy.Loading;

namespace Gatehouse.Policy.Tests;

internal static class TestPolicies
{
    public static PolicyDocument Load(string yaml)
    {
        var result = PolicyLoader.Load(yaml, "policy.yaml");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Document!;
    }

    /// <summary>A policy whose single rule denies with the given <c>match</c> body (indented under <c>match:</c>).</summary>
    public static PolicyEvaluator DenyWhen(string matchYaml, string? when = null)
    {
        var indented = string.Join("\n", matchYaml.Split('\n').Select(line => "      " + line));
        var condition = when is null ? "" : $"    when: \"{when.Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n";
        return new PolicyEvaluator(Load($"""
            default: allow
            rules:
              - name: target
                match:
            {indented}
            {condition}    effect: deny
            """));
    }

    public static PolicyContext Exchange(
        string subject = "alice",
        string[]? groups = null,
        string connection = "openai",
        string model = "gpt-4o",
        PolicyDirection direction = PolicyDirection.Request,
        PolicyApi api = PolicyApi.Chat) => new()
        {
            Identity = new PolicyIdentity { Subject = subject, Email = subject + "@example.com", Groups = groups ?? ["dev"], Method = "oidc" },
            Connection = connection,
            Model = model,
            Direction = direction,
            Api = api,
            Path = "/v1/chat/completions",
            Time = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero),
        };

    public static PolicyContext WithTool(this PolicyContext context, string name, string arguments) =>
        context with { ToolCalls = [.. context.ToolCalls, new PolicyToolCall(name, arguments)] };
}
