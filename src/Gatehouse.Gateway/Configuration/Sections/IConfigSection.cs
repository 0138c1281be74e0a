using Gatehouse.Gateway.Configuration.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>
/// One top-level key of the configuration file as the loader and the service registration see it, whatever its
/// options type. Features implement <see cref="ConfigSection{TOptions}"/>; this is what <see cref="ConfigSections"/> lists.
/// </summary>
internal interface IConfigSection
{
    /// <summary>Gets the top-level YAML key, such as <c>server</c>.</summary>
    string Key { get; }

    /// <summary>Gets the keys of the sections whose values <see cref="Validate"/> reads; they are validated first.</summary>
    IReadOnlyList<string> DependsOn { get; }

    /// <summary>Binds the section's YAML (absent: its defaults) and returns the snapshot with it set.</summary>
    GatehouseConfig BindInto(GatehouseConfig config, SectionReader root, SectionBindContext context);

    /// <summary>Checks the section's bound value against itself and the sections it depends on.</summary>
    void Validate(SectionValidation validation);

    /// <summary>Registers the section's value as <c>IOptions&lt;TOptions&gt;</c> with its validator, run at start.</summary>
    void AddOptions(IServiceCollection services, GatehouseConfig config);
}
