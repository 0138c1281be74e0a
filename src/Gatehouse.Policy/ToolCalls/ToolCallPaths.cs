using Gatehouse.Policy.Context;

namespace Gatehouse.Policy.ToolCalls;

/// <summary>The files a tool call names, found exactly as path rules find them (path arguments and patch headers).</summary>
/// <remarks>Public so that what a reviewer is shown is what the policy matched, not a second reading that could differ.</remarks>
public static class ToolCallPaths
{
    private static readonly IReadOnlySet<string> DefaultArguments = new HashSet<string>(PolicyDocument.DefaultPathArguments, StringComparer.Ordinal);

    /// <summary>Returns the normalised paths <paramref name="call"/> names under the default <c>path_arguments</c>, each once, in order.</summary>
    public static IReadOnlyList<string> Of(PolicyToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return InspectedToolCall.Inspect(call, DefaultArguments).Paths.Distinct(StringComparer.Ordinal).ToList();
    }
}
