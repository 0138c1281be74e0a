using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>What a section's validator sees: the whole bound snapshot (for the sections it depends on) and where errors go.</summary>
internal sealed class SectionValidation(GatehouseConfig config, ConfigErrors errors, ItemPaths paths)
{
    /// <summary>Gets the snapshot being validated, with the section's own value in it.</summary>
    public GatehouseConfig Config { get; } = config;

    public ConfigErrors Errors { get; } = errors;

    /// <summary>Records an error at a YAML path; validators never know a line, so there is no origin.</summary>
    public void Add(string path, string message) => Errors.Add(path, null, message);

    /// <summary>The YAML path of a list's entry, such as <c>connections[2]</c>, even when earlier YAML items did not bind.</summary>
    public string ItemPath(string listPath, int index) => paths.Of(listPath, index);
}
