using Gatehouse.Policy.Matching;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Policy.Loading;

/// <summary>Reads a rule's <c>match</c> mapping into a compiled <see cref="RuleMatch"/>.</summary>
internal sealed class MatchReader(DiagnosticBag bag)
{
    private static readonly HashSet<string> Keys =
    [
        "users", "groups", "api_keys", "connections", "models", "direction", "api", "request_paths", "findings", "tool_calls",
    ];

    private static readonly HashSet<string> ToolCallKeys = ["names", "paths", "arguments"];

    public ReadMatch? Read(YamlNode node, string label)
    {
        if (YamlNodes.Mapping(node, $"{label}: match", bag) is not { } mapping)
        {
            return null;
        }

        YamlNodes.RejectUnknownKeys(mapping, Keys, $"{label}: match", bag);
        var direction = ReadDirection(YamlNodes.Child(mapping, "direction"), label);
        var toolCalls = YamlNodes.Child(mapping, "tool_calls") is { } toolNode ? ReadToolCalls(toolNode, label) : null;
        var match = new RuleMatch
        {
            Direction = direction,
            Apis = ReadApis(YamlNodes.Child(mapping, "api"), label),
            Connections = Globs(mapping, "connections", label),
            Users = Globs(mapping, "users", label),
            Groups = Globs(mapping, "groups", label),
            ApiKeys = Globs(mapping, "api_keys", label),
            Models = Globs(mapping, "models", label),
            RequestPaths = Globs(mapping, "request_paths", label),
            Findings = Globs(mapping, "findings", label),
            ToolCalls = toolCalls,
        };
        return new ReadMatch(match, direction == PolicyDirection.Response || toolCalls is not null);
    }

    private GlobSet? Globs(YamlMappingNode mapping, string key, string label) =>
        YamlNodes.Child(mapping, key) is { } node ? Globs(node, $"{label}: match.{key}") : null;

    private GlobSet? Globs(YamlNode node, string what) =>
        YamlNodes.ScalarList(node, what, bag) is { } values ? new GlobSet(values) : null;

    private PolicyDirection? ReadDirection(YamlNode? node, string label)
    {
        if (node is null || YamlNodes.Scalar(node, $"{label}: match.direction", bag) is not { } text)
        {
            return null;
        }

        if (PolicyNames.TryParseDirection(text, out var direction))
        {
            return direction;
        }

        bag.Add(node, $"{label}: match.direction must be request or response, not '{text}'");
        return null;
    }

    private HashSet<PolicyApi>? ReadApis(YamlNode? node, string label)
    {
        if (node is null || YamlNodes.ScalarList(node, $"{label}: match.api", bag) is not { } values)
        {
            return null;
        }

        var apis = new HashSet<PolicyApi>();
        var valueNodes = node is YamlSequenceNode sequence ? sequence.Children : (IList<YamlNode>)[node];
        for (var i = 0; i < values.Count; i++)
        {
            if (PolicyNames.TryParseApi(values[i], out var api))
            {
                apis.Add(api);
            }
            else
            {
                bag.Add(valueNodes[i], $"{label}: match.api must be chat, responses, messages, completions, mcp or http, not '{values[i]}'");
            }
        }

        return apis;
    }

    private ToolCallMatch? ReadToolCalls(YamlNode node, string label)
    {
        var what = $"{label}: match.tool_calls";
        if (YamlNodes.Mapping(node, what, bag) is not { } mapping)
        {
            return null;
        }

        YamlNodes.RejectUnknownKeys(mapping, ToolCallKeys, what, bag);
        if (mapping.Children.Count == 0)
        {
            bag.Add(mapping, $"{what} needs names, paths or arguments");
        }

        var names = YamlNodes.Child(mapping, "names") is { } namesNode ? Globs(namesNode, $"{what}.names") : null;
        var paths = YamlNodes.Child(mapping, "paths") is { } pathsNode ? Globs(pathsNode, $"{what}.paths") : null;
        var arguments = new List<KeyValuePair<string, GlobSet>>();
        if (YamlNodes.Child(mapping, "arguments") is { } argumentsNode
            && YamlNodes.Mapping(argumentsNode, $"{what}.arguments", bag) is { } argumentMap)
        {
            foreach (var (key, value) in argumentMap.Children)
            {
                var argument = YamlNodes.KeyName(key);
                if (Globs(value, $"{what}.arguments.{argument}") is { } globs)
                {
                    arguments.Add(new KeyValuePair<string, GlobSet>(argument, globs));
                }
            }
        }

        return new ToolCallMatch(names, paths, arguments);
    }
}
