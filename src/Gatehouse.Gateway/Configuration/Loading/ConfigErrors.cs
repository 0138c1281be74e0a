namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Collects every configuration error, each with its YAML path, so start-up can list them all at once.</summary>
internal sealed class ConfigErrors
{
    private readonly List<ConfigError> _errors = [];

    public IReadOnlyList<ConfigError> All => _errors;

    public int Count => _errors.Count;

    public void Add(string path, string? origin, string message) => _errors.Add(new ConfigError(path, origin, message));

    public void Add(ConfigNode node, string message) => _errors.Add(new ConfigError(node.Path, node.Origin, message));
}
