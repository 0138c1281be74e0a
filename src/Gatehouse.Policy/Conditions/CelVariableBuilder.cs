using Gatehouse.Policy.Context;
using Gatehouse.Policy.Evaluation;
using Google.Protobuf.WellKnownTypes;

namespace Gatehouse.Policy.Conditions;

/// <summary>Builds the documented CEL context (see docs/policy.md) from one evaluation scope.</summary>
internal static class CelVariableBuilder
{
    /// <summary>Gets the top-level variable names, for resolving names at compile time.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "identity", "connection", "api", "model", "direction", "request", "findings", "tool_calls", "time", "grants",
    };

    public static Dictionary<string, object?> Build(EvaluationScope scope)
    {
        var context = scope.Context;
        var identity = context.Identity;
        // Sized up front: filled from empty, a dictionary resizes (and rehashes) twice on the way to ten entries.
        return new Dictionary<string, object?>(Names.Count, StringComparer.Ordinal)
        {
            ["identity"] = new Dictionary<string, object?>(6, StringComparer.Ordinal)
            {
                ["subject"] = identity.Subject,
                ["email"] = identity.Email,
                ["groups"] = ToList(identity.Groups),
                ["issuer"] = identity.Issuer,
                ["key_name"] = identity.KeyName,
                ["method"] = identity.Method,
            },
            ["connection"] = context.Connection,
            ["api"] = PolicyNames.Api(context.Api),
            ["model"] = context.Model,
            ["direction"] = PolicyNames.Direction(context.Direction),
            ["request"] = new Dictionary<string, object?>(3, StringComparer.Ordinal)
            {
                ["path"] = context.Path,
                ["prompt_chars"] = context.PromptChars,
                ["client_address"] = context.ClientAddress,
            },
            ["findings"] = Findings(context.Findings),
            ["tool_calls"] = ToolCalls(scope),
            ["time"] = Timestamp.FromDateTimeOffset(context.Time),
            ["grants"] = ToList(context.Grants),
        };
    }

    private static List<object?> ToList(IReadOnlyList<string> values)
    {
        var list = new List<object?>(values.Count);
        foreach (var value in values)
        {
            list.Add(value);
        }

        return list;
    }

    private static List<object?> Findings(IReadOnlyList<PolicyFinding> findings)
    {
        var list = new List<object?>(findings.Count);
        foreach (var finding in findings)
        {
            list.Add(new Dictionary<string, object?>(3, StringComparer.Ordinal)
            {
                ["rule"] = finding.Rule,
                ["category"] = finding.Category,
                ["direction"] = PolicyNames.Direction(finding.Direction),
            });
        }

        return list;
    }

    private static List<object?> ToolCalls(EvaluationScope scope)
    {
        var calls = scope.ToolCalls;
        var list = new List<object?>(calls.Count);
        foreach (var call in calls)
        {
            var paths = new List<object?>(call.Paths.Count);
            foreach (var path in call.Paths)
            {
                paths.Add(path);
            }

            list.Add(new Dictionary<string, object?>(3, StringComparer.Ordinal)
            {
                ["name"] = call.Name,
                ["arguments"] = call.ArgumentValues,
                ["paths"] = paths,
            });
        }

        return list;
    }
}
