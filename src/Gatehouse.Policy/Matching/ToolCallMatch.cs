using Gatehouse.Policy.ToolCalls;

namespace Gatehouse.Policy.Matching;

/// <summary>Matches when any tool call satisfies every given constraint: name, named paths, argument values.</summary>
internal sealed class ToolCallMatch(GlobSet? names, GlobSet? paths, IReadOnlyList<KeyValuePair<string, GlobSet>> arguments)
{
    public bool Matches(IReadOnlyList<InspectedToolCall> calls, List<string>? why)
    {
        foreach (var call in calls)
        {
            if (Matches(call, why))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(InspectedToolCall call, List<string>? why)
    {
        var name = names?.FirstMatch(call.Name);
        if (names is not null && name is null)
        {
            return false;
        }

        string? pathHit = null;
        string? pathPattern = null;
        if (paths is not null)
        {
            foreach (var path in call.Paths)
            {
                pathPattern = paths.FirstMatch(path);
                if (pathPattern is not null)
                {
                    pathHit = path;
                    break;
                }
            }

            if (pathHit is null)
            {
                return false;
            }
        }

        foreach (var (argument, globs) in arguments)
        {
            if (!call.ArgumentText.TryGetValue(argument, out var value) || globs.FirstMatch(value) is null)
            {
                return false;
            }
        }

        why?.Add(Explain(call.Name, pathHit, pathPattern));
        return true;
    }

    private string Explain(string callName, string? pathHit, string? pathPattern)
    {
        var text = $"tool_calls: '{callName}'";
        if (pathHit is not null)
        {
            text += $" touches '{pathHit}' (matches '{pathPattern}')";
        }

        if (arguments.Count > 0)
        {
            text += $" with arguments {string.Join(", ", arguments.Select(a => a.Key))} matching";
        }

        return text;
    }
}
