using Gatehouse.Policy.Context;
using Gatehouse.Policy.Evaluation;

namespace Gatehouse.Policy.Matching;

/// <summary>A rule's compiled <c>match</c>: every given key must hold (AND), any value within a key may (OR).</summary>
/// <remarks>
/// Keys are tested cheapest first so that the typical non-matching rule costs a few comparisons. With
/// <c>why</c> set, each key that holds adds one line to the decision trail; the evaluator passes it only for rules
/// that already matched, so non-matching rules allocate nothing.
/// </remarks>
internal sealed class RuleMatch
{
    public PolicyDirection? Direction { get; init; }

    public IReadOnlySet<PolicyApi>? Apis { get; init; }

    public GlobSet? Connections { get; init; }

    public GlobSet? Users { get; init; }

    public GlobSet? Groups { get; init; }

    public GlobSet? ApiKeys { get; init; }

    public GlobSet? Models { get; init; }

    public GlobSet? RequestPaths { get; init; }

    public GlobSet? Findings { get; init; }

    public ToolCallMatch? ToolCalls { get; init; }

    public bool Matches(EvaluationScope scope, List<string>? why)
    {
        var context = scope.Context;
        if (Direction is { } direction)
        {
            if (direction != context.Direction)
            {
                return false;
            }

            why?.Add($"direction: {PolicyNames.Direction(direction)}");
        }

        if (Apis is not null)
        {
            if (!Apis.Contains(context.Api))
            {
                return false;
            }

            why?.Add($"api: {PolicyNames.Api(context.Api)}");
        }

        return Single(Connections, "connections", context.Connection, why)
            && MatchUser(context.Identity, why)
            && MatchGroups(context.Identity.Groups, why)
            && Single(ApiKeys, "api_keys", context.Identity.KeyName, why)
            && Single(Models, "models", context.Model, why)
            && Single(RequestPaths, "request_paths", context.Path, why)
            && MatchFindings(context.Findings, why)
            && (ToolCalls is null || ToolCalls.Matches(scope.ToolCalls, why));
    }

    private static bool Single(GlobSet? set, string key, string value, List<string>? why)
    {
        if (set is null)
        {
            return true;
        }

        var pattern = value.Length == 0 ? null : set.FirstMatch(value);
        if (pattern is null)
        {
            return false;
        }

        why?.Add($"{key}: '{value}' matches '{pattern}'");
        return true;
    }

    private bool MatchUser(PolicyIdentity identity, List<string>? why)
    {
        if (Users is null)
        {
            return true;
        }

        return Single(Users, "users", identity.Subject, why) || Single(Users, "users", identity.Email, why);
    }

    private bool MatchGroups(IReadOnlyList<string> groups, List<string>? why)
    {
        if (Groups is null)
        {
            return true;
        }

        for (var i = 0; i < groups.Count; i++)
        {
            if (Single(Groups, "groups", groups[i], why))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchFindings(IReadOnlyList<PolicyFinding> findings, List<string>? why)
    {
        if (Findings is null)
        {
            return true;
        }

        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (Single(Findings, "findings", finding.Rule, why) || Single(Findings, "findings", finding.Category, why))
            {
                return true;
            }
        }

        return false;
    }
}
