using System.Collections;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>
/// Turns the configuration tree into a snapshot through the registered sections, collecting every error: each section
/// binds its own key, unknown top-level keys are reported, then each section validates in dependency order.
/// </summary>
internal static class ConfigBinder
{
    public static (GatehouseConfig Config, ItemPaths Paths) Bind(ConfigNode root, IDictionary environment, ConfigErrors errors)
    {
        var reader = new SectionReader(root, errors);
        var context = new SectionBindContext(environment, new ItemPaths());
        var config = new GatehouseConfig();
        foreach (var section in ConfigSections.All)
        {
            config = section.BindInto(config, reader, context);
        }

        reader.ReportUnknownKeys();
        return (config, context.Paths);
    }

    public static void Validate(GatehouseConfig config, ItemPaths paths, ConfigErrors errors)
    {
        var validation = new SectionValidation(config, errors, paths);
        foreach (var section in ConfigSections.All)
        {
            section.Validate(validation);
        }
    }
}
