using System.Collections.Immutable;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.Evaluation;
using Google.Protobuf.WellKnownTypes;

namespace Gatehouse.Policy.Conditions;

/// <summary>Builds the documented CEL context (see docs/policy.md) from one evaluation scope.</summary>
internal static class CelVariableBuilder
{
    /// <summary>Gets the top-level variable names, in the order <see cref="Root"/> numbers them.</summary>
    public static ImmutableArray<string> RootNames { get; } =
    [
        "identity", "connection", "api", "model", "direction", "request", "findings", "tool_calls", "time", "grants",
    ];

    /// <summary>Gets the top-level variable names, for resolving names at compile time.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(RootNames, StringComparer.Ordinal);

    /// <summary>Gets the context of one evaluation, each variable built when first read (see <see cref="CelVariables"/>).</summary>
    public static IDictionary<string, object?> Build(EvaluationScope scope) => new CelVariables(scope);

    /// <summary>Builds the top-level variable numbered <paramref name="index"/> in <see cref="RootNames"/>.</summary>
    public static object? Root(int index, EvaluationScope scope)
    {
        var context = scope.Context;
        return index switch
        {
            0 => Identity(context.Identity),
            1 => context.Connection,
            2 => PolicyNames.Api(context.Api),
            3 => context.Model,
            4 => PolicyNames.Direction(context.Direction),
            5 => new Dictionary<string, object?>(3, StringComparer.Ordinal)
            {
                ["path"] = context.Path,
                ["prompt_chars"] = context.PromptChars,
                ["client_address"] = context.ClientAddress,
            },
            6 => Findings(context.Findings),
            7 => ToolCalls(scope),
            8 => Timestamp.FromDateTimeOffset(context.Time),
            9 => ToList(context.Grants),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, "not a policy variable"),
        };
    }

    private static Dictionary<string, object?> Identity(PolicyIdentity identity) => new(6, StringComparer.Ordinal)
    {
        ["subject"] = identity.Subject,
        ["email"] = identity.Email,
        ["groups"] = ToList(identity.Groups),
        ["issuer"] = identity.Issuer,
        ["key_name"] = identity.KeyName,
        ["method"] = identity.Method,
    };

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
