namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>
/// One node of the configuration tree: a scalar, a mapping or a sequence, with where it came from so that every error
/// can name its YAML path and line.
/// </summary>
internal sealed class ConfigNode
{
    private ConfigNode(string path, string origin)
    {
        Path = path;
        Origin = origin;
    }

    /// <summary>Gets the YAML path, such as <c>connections[1].upstream</c>.</summary>
    public string Path { get; }

    /// <summary>Gets where the value came from: <c>line 12</c> or <c>env GATEHOUSE__X</c>.</summary>
    public string Origin { get; set; }

    public string? Scalar { get; set; }

    public Dictionary<string, ConfigNode>? Mapping { get; private set; }

    public List<ConfigNode>? Sequence { get; private set; }

    public bool IsNull => Scalar is null && Mapping is null && Sequence is null;

    public static ConfigNode NewScalar(string path, string origin, string? value) => new(path, origin) { Scalar = value };

    public static ConfigNode NewMapping(string path, string origin)
        => new(path, origin) { Mapping = new Dictionary<string, ConfigNode>(StringComparer.OrdinalIgnoreCase) };

    public static ConfigNode NewSequence(string path, string origin) => new(path, origin) { Sequence = [] };

    public static string ChildPath(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string ItemPath(string parent, int index) => $"{parent}[{index}]";
}
