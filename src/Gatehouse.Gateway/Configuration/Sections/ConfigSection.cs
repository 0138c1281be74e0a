using Gatehouse.Gateway.Configuration.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>
/// A feature's part of the configuration: its YAML key, how its YAML binds to its options type (with its own errors
/// at their YAML paths), and what the bound value must satisfy, alone or against the sections it depends on.
/// </summary>
/// <remarks>
/// <see cref="Bind"/> turns text into values and reports what does not parse (a bad number, a missing required key,
/// an unknown key). <see cref="Validate"/> works on the typed value only, so it is the same code whether the value came
/// from YAML or from a host that built <see cref="GatehouseConfig"/> in code: the loader runs it after every section is
/// bound, and <see cref="SectionOptionsValidator{TOptions}"/> runs it as the feature's <c>IValidateOptions</c> at start.
/// A section's default is its options type's initial value, the value an absent key binds to.
/// </remarks>
/// <typeparam name="TOptions">The feature's options type (an immutable record).</typeparam>
internal abstract class ConfigSection<TOptions> : IConfigSection
    where TOptions : class
{
    public abstract string Key { get; }

    public virtual IReadOnlyList<string> DependsOn => [];

    /// <summary>Reads the section's value from a snapshot; null when the feature is off (an optional section).</summary>
    public abstract TOptions? Read(GatehouseConfig config);

    /// <summary>Returns the snapshot with the section's value replaced.</summary>
    public abstract GatehouseConfig Write(GatehouseConfig config, TOptions? options);

    /// <summary>Binds the section's YAML mapping, reporting its parse errors at their paths and its unknown keys.</summary>
    public abstract TOptions? Bind(SectionReader section, SectionBindContext context);

    /// <summary>Checks a bound value; the default accepts anything that bound.</summary>
    public virtual void Validate(TOptions options, SectionValidation validation)
    {
    }

    public GatehouseConfig BindInto(GatehouseConfig config, SectionReader root, SectionBindContext context)
        => Write(config, BindFrom(root, context));

    void IConfigSection.Validate(SectionValidation validation)
    {
        if (Read(validation.Config) is { } options)
        {
            Validate(options, validation);
        }
    }

    public void AddOptions(IServiceCollection services, GatehouseConfig config)
    {
        if (Read(config) is not { } options)
        {
            return;
        }

        services.AddSingleton<IOptionsFactory<TOptions>>(sp => new SnapshotOptionsFactory<TOptions>(options, sp.GetServices<IValidateOptions<TOptions>>()));
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionOptionsValidator<TOptions>(this, config));
        services.AddOptions<TOptions>().ValidateOnStart();
    }

    /// <summary>Finds the section under the root; a section that is not a mapping (a list, a scalar) overrides this.</summary>
    protected virtual TOptions? BindFrom(SectionReader root, SectionBindContext context) => Bind(root.Section(Key), context);

    /// <summary>The YAML path of a key of this section.</summary>
    protected string PathOf(string key) => ConfigNode.ChildPath(Key, key);
}
