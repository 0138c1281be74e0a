using YamlDotNet.RepresentationModel;

namespace Gatehouse.Policy.Loading;

/// <summary>Reads representation-model nodes, reporting shape errors with the node's position instead of throwing.</summary>
internal static class YamlNodes
{
    public static string KeyName(YamlNode key) => key is YamlScalarNode { Value: { } value } ? value : "";

    public static YamlMappingNode? Mapping(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        bag.Add(node, $"{what} must be a mapping");
        return null;
    }

    public static string? Scalar(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        bag.Add(node, $"{what} must be a non-empty text value");
        return null;
    }

    /// <summary>Reads one scalar or a non-empty list of scalars.</summary>
    public static List<string>? ScalarList(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlScalarNode)
        {
            var single = Scalar(node, what, bag);
            return single is null ? null : [single];
        }

        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            bag.Add(node, $"{what} must be a value or a non-empty list of values");
            return null;
        }

        var values = new List<string>();
        var ok = true;
        foreach (var child in sequence.Children)
        {
            var value = Scalar(child, $"each entry of {what}", bag);
            ok &= value is not null;
            if (value is not null)
            {
                values.Add(value);
            }
        }

        return ok ? values : null;
    }

    public static int? PositiveInt(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, out var value) && value > 0)
        {
            return value;
        }

        bag.Add(node, $"{what} must be a whole number of at least 1");
        return null;
    }

    public static void RejectUnknownKeys(YamlMappingNode mapping, IReadOnlySet<string> known, string where, DiagnosticBag bag)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = KeyName(key);
            if (!known.Contains(name))
            {
                bag.Add(key, $"unknown key '{name}' in {where}; expected one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            }
        }
    }

    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
