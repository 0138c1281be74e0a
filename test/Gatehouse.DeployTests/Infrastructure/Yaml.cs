using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.DeployTests.Infrastructure;

/// <summary>
/// Reads YAML (the rendered Compose model, rendered manifests, the shipped files) into JSON nodes, so that tests walk
/// them with one small API. Scalars stay strings: what the tools printed, not what a schema would make of it.
/// </summary>
internal static class Yaml
{
    /// <summary>Parses every document of <paramref name="text"/>; empty documents are left out.</summary>
    public static IReadOnlyList<JsonNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).Select(d => Convert(d.RootNode)!)];
    }

    /// <summary>Parses the one document of <paramref name="text"/>.</summary>
    public static JsonNode Document(string text) => Assert.Single(Documents(text));

    /// <summary>Parses a file of one document.</summary>
    public static JsonNode File(string path) => Document(System.IO.File.ReadAllText(path));

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(child =>
            KeyValuePair.Create(((YamlScalarNode)child.Key).Value!, Convert(child.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode { Value: null } => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };
}
