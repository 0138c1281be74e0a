using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads a YAML file into a <see cref="ConfigNode"/> tree that remembers each value's line.</summary>
internal static class YamlConfigReader
{
    public static ConfigNode Read(TextReader reader, ConfigErrors errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add("", $"line {ex.Start.Line}, column {ex.Start.Column}", $"not valid YAML: {ex.Message}");
            return ConfigNode.NewMapping("", "file");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ConfigNode.NewMapping("", "file");
        }

        return Convert(stream.Documents[0].RootNode, "", errors);
    }

    private static ConfigNode Convert(YamlNode node, string path, ConfigErrors errors)
    {
        var origin = $"line {node.Start.Line}";
        switch (node)
        {
            case YamlMappingNode map:
                var mapping = ConfigNode.NewMapping(path, origin);
                foreach (var (keyNode, valueNode) in map.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? "";
                    var childPath = ConfigNode.ChildPath(path, key);
                    if (!mapping.Mapping!.TryAdd(key, Convert(valueNode, childPath, errors)))
                    {
                        errors.Add(childPath, $"line {keyNode.Start.Line}", "is given twice");
                    }
                }

                return mapping;
            case YamlSequenceNode seq:
                var sequence = ConfigNode.NewSequence(path, origin);
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    sequence.Sequence!.Add(Convert(seq.Children[i], ConfigNode.ItemPath(path, i), errors));
                }

                return sequence;
            case YamlScalarNode scalar:
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";
                return ConfigNode.NewScalar(path, origin, isNull ? null : scalar.Value);
            default:
                errors.Add(path, origin, "aliases and anchors are not supported");
                return ConfigNode.NewScalar(path, origin, null);
        }
    }
}
