using System.Collections;
using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// Loads the configuration from one YAML file plus <c>GATEHOUSE__*</c> environment variables, validates it and
/// returns either a snapshot or every error found.
/// </summary>
public static class GatehouseConfigLoader
{
    /// <summary>Loads and validates the configuration.</summary>
    /// <param name="path">The YAML file, or null for defaults plus environment variables only.</param>
    /// <param name="environment">The environment variables (for overrides and credentials).</param>
    /// <param name="dev">Whether the development defaults apply (an empty identity section is then allowed).</param>
    public static ConfigLoadResult Load(string? path, IDictionary environment, bool dev = false)
    {
        var errors = new ConfigErrors();
        var root = ReadTree(path, environment, errors);
        if (root is null)
        {
            return new ConfigLoadResult(null, errors.All);
        }

        var (bound, paths) = ConfigBinder.Bind(root, environment, errors);
        var config = bound with { Dev = dev };
        ConfigBinder.Validate(config, paths, errors);
        return errors.Count == 0 ? new ConfigLoadResult(config, []) : new ConfigLoadResult(null, errors.All);
    }

    /// <summary>
    /// Reads only the storage section, for the commands that open the store (audit, keys) and need not resolve
    /// upstream credentials.
    /// </summary>
    public static (StorageConfig? Storage, IReadOnlyList<ConfigError> Errors) LoadStorage(string? path, IDictionary environment)
    {
        var errors = new ConfigErrors();
        var root = ReadTree(path, environment, errors);
        if (root is null)
        {
            return (null, errors.All);
        }

        var section = new Storage.StorageSection();
        var storage = section.Bind(new SectionReader(root, errors).Section(section.Key), new SectionBindContext(environment, new ItemPaths()));
        return errors.Count == 0 ? (storage, []) : (null, errors.All);
    }

    private static ConfigNode? ReadTree(string? path, IDictionary environment, ConfigErrors errors)
    {
        ConfigNode root;
        if (path is null)
        {
            root = ConfigNode.NewMapping("", "defaults");
        }
        else
        {
            try
            {
                using var reader = new StreamReader(path);
                root = YamlConfigReader.Read(reader, errors);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add("", path, $"cannot read the configuration file: {ex.Message}");
                return null;
            }
        }

        if (root.Mapping is null)
        {
            errors.Add(root, "the configuration must be a YAML mapping (key: value pairs)");
            return null;
        }

        EnvironmentOverrides.Apply(root, environment, errors);
        return root;
    }
}
