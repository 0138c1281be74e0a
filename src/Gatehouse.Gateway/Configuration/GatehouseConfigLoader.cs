using System.Collections;
using Gatehouse.Gateway.Configuration.Loading;

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
                return new ConfigLoadResult(null, errors.All);
            }
        }

        if (root.Mapping is null)
        {
            errors.Add(root, "the configuration must be a YAML mapping (key: value pairs)");
            return new ConfigLoadResult(null, errors.All);
        }

        EnvironmentOverrides.Apply(root, environment, errors);
        var config = ConfigBinder.Bind(root, environment, errors) with { Dev = dev };
        if (!dev && config.Identity.Oidc.Count == 0 && !config.Identity.ApiKeys)
        {
            errors.Add("identity", null, "no way to identify callers: add an oidc issuer or set apiKeys: true");
        }

        return errors.Count == 0 ? new ConfigLoadResult(config, []) : new ConfigLoadResult(null, errors.All);
    }
}
