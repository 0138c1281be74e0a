using System.Collections;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>
/// Applies <c>GATEHOUSE__SECTION__KEY</c> environment variables over the YAML tree; a number selects a list item
/// (<c>GATEHOUSE__CONNECTIONS__0__UPSTREAM</c>).
/// </summary>
internal static class EnvironmentOverrides
{
    public const string Prefix = "GATEHOUSE__";

    public static void Apply(ConfigNode root, IDictionary environment, ConfigErrors errors)
    {
        var names = environment.Keys.Cast<object>().Select(k => k.ToString()!)
            .Where(k => k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var segments = name[Prefix.Length..].Split("__", StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                continue;
            }

            Set(root, segments, environment[name]?.ToString(), $"env {name}", errors);
        }
    }

    private static void Set(ConfigNode root, string[] segments, string? value, string origin, ConfigErrors errors)
    {
        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (int.TryParse(segment, out var index) && index >= 0)
            {
                if (node.Sequence is null)
                {
                    errors.Add(node.Path, origin, "is not a list, so it cannot take an item index");
                    return;
                }

                while (node.Sequence.Count <= index)
                {
                    node.Sequence.Add(ConfigNode.NewMapping(ConfigNode.ItemPath(node.Path, node.Sequence.Count), origin));
                }

                if (last)
                {
                    node.Sequence[index] = ConfigNode.NewScalar(ConfigNode.ItemPath(node.Path, index), origin, value);
                    return;
                }

                node = node.Sequence[index];
                continue;
            }

            if (node.Mapping is null)
            {
                errors.Add(node.Path, origin, "is not a section, so it cannot take a key");
                return;
            }

            var key = segment.ToLowerInvariant();
            var childPath = ConfigNode.ChildPath(node.Path, key);
            if (last)
            {
                node.Mapping[key] = ConfigNode.NewScalar(childPath, origin, value);
                return;
            }

            if (!node.Mapping.TryGetValue(key, out var child))
            {
                var nextIsIndex = int.TryParse(segments[i + 1], out _);
                child = nextIsIndex ? ConfigNode.NewSequence(childPath, origin) : ConfigNode.NewMapping(childPath, origin);
                node.Mapping[key] = child;
            }

            node = child;
        }
    }
}
