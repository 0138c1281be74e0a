using System.Globalization;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>
/// Reads typed values from one mapping node, recording an error for every bad value and, at the end, for every key
/// nobody asked for (a misspelt key must not be silently ignored).
/// </summary>
internal sealed class SectionReader
{
    private readonly ConfigNode _node;
    private readonly ConfigErrors _errors;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public SectionReader(ConfigNode node, ConfigErrors errors)
    {
        _node = node;
        _errors = errors;
        if (node.Mapping is null && !node.IsNull)
        {
            errors.Add(node, "must be a section (key: value pairs)");
        }
    }

    public string Path => _node.Path;

    public ConfigErrors Errors => _errors;

    public ConfigNode? Child(string key)
    {
        _read.Add(key);
        return _node.Mapping is not null && _node.Mapping.TryGetValue(key, out var child) && !child.IsNull ? child : null;
    }

    public string ChildPath(string key) => ConfigNode.ChildPath(_node.Path, key);

    public string? String(string key)
    {
        var child = Child(key);
        if (child is null)
        {
            return null;
        }

        if (child.Scalar is null)
        {
            _errors.Add(child, "must be a single value");
            return null;
        }

        return child.Scalar;
    }

    public string? RequiredString(string key)
    {
        var value = String(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(ChildPath(key), _node.Origin, "required");
            return null;
        }

        return value;
    }

    public bool Bool(string key, bool fallback)
    {
        var value = String(key);
        if (value is null)
        {
            return fallback;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        _errors.Add(ChildPath(key), Child(key)?.Origin, $"'{value}' is not true or false");
        return fallback;
    }

    public long Long(string key, long fallback, long min, long max)
    {
        var value = String(key);
        if (value is null)
        {
            return fallback;
        }

        if (long.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        _errors.Add(ChildPath(key), Child(key)?.Origin, $"'{value}' is not a whole number from {min} to {max}");
        return fallback;
    }

    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var value = String(key);
        if (value is null)
        {
            return fallback;
        }

        var result = DurationGrammar.Parse(value, new DurationRange(min, max));
        if (result.Value is { } parsed)
        {
            return parsed;
        }

        _errors.Add(ChildPath(key), Child(key)?.Origin, result.Error!);
        return fallback;
    }

    public IReadOnlyList<string>? StringList(string key)
    {
        var child = Child(key);
        if (child is null)
        {
            return null;
        }

        if (child.Scalar is not null)
        {
            // A single value or a comma-separated list, as environment variables give them.
            return child.Scalar.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (child.Sequence is null)
        {
            _errors.Add(child, "must be a list of values");
            return null;
        }

        var values = new List<string>(child.Sequence.Count);
        foreach (var item in child.Sequence)
        {
            if (item.Scalar is null)
            {
                _errors.Add(item, "must be a single value");
                continue;
            }

            values.Add(item.Scalar);
        }

        return values;
    }

    public IReadOnlyList<ConfigNode> Items(string key)
    {
        var child = Child(key);
        if (child is null)
        {
            return [];
        }

        if (child.Sequence is null)
        {
            _errors.Add(child, "must be a list");
            return [];
        }

        return child.Sequence;
    }

    /// <summary>
    /// Reads a key whose value names one of an enum's values, matched exactly against its one name table; null when the
    /// key is absent, or when the value names none: then the error lists the names (and the one meant, when only the case
    /// differs), so every enum key of the file refuses what the docs do not give, in the same words.
    /// </summary>
    public T? Choice<T>(string key, NameTable<T> names)
        where T : struct, Enum
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (names.TryParse(text, out var value))
        {
            return value;
        }

        var lower = text.ToLowerInvariant();
        var meant = names.TryParse(lower, out _) ? $"; names are lower-case: write '{lower}'" : "";
        _errors.Add(ChildPath(key), Child(key)?.Origin, $"'{text}' is not {names.Choices}{meant}");
        return null;
    }

    public SectionReader Section(string key)
        => new(Child(key) ?? ConfigNode.NewMapping(ChildPath(key), _node.Origin), _errors);

    public void ReportUnknownKeys()
    {
        if (_node.Mapping is null)
        {
            return;
        }

        foreach (var (key, child) in _node.Mapping)
        {
            if (!_read.Contains(key))
            {
                var known = string.Join(", ", _read.Order(StringComparer.Ordinal));
                _errors.Add(child, $"unknown key (known keys here: {known})");
            }
        }
    }
}
