using Gatehouse.Gateway.Configuration.Loading;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>
/// A section's <see cref="ConfigSection{TOptions}.Validate"/> as the feature's <see cref="IValidateOptions{TOptions}"/>:
/// a host that builds its options in code gets the errors, and the YAML paths, that the file would have given.
/// </summary>
internal sealed class SectionOptionsValidator<TOptions>(ConfigSection<TOptions> section, GatehouseConfig snapshot) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = new ConfigErrors();
        section.Validate(options, new SectionValidation(section.Write(snapshot, options), errors, new ItemPaths()));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.All.Select(e => e.ToString()));
    }
}
