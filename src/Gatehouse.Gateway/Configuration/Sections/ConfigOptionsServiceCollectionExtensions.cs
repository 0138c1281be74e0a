using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>Registers every section's value as <c>IOptions&lt;TOptions&gt;</c> with the section's validator, run at start.</summary>
internal static class ConfigOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds each feature's options from the snapshot, validated on start: a host that built <paramref name="config"/>
    /// in code fails to start with the errors, and YAML paths, its file would have given.
    /// </summary>
    public static IServiceCollection AddGatehouseOptions(this IServiceCollection services, GatehouseConfig config)
    {
        foreach (var section in ConfigSections.All)
        {
            section.AddOptions(services, config);
        }

        return services;
    }
}
