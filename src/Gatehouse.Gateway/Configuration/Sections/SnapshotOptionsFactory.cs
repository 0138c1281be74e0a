using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>
/// Gives the snapshot's value as the options, after every registered <see cref="IValidateOptions{TOptions}"/> accepted it.
/// </summary>
/// <remarks>
/// Options here are immutable records bound once from YAML (or built by a host), so there is nothing for
/// <c>IConfigureOptions</c> to mutate: the factory hands out the one value. The configuration is a start-up snapshot
/// like the <see cref="GatehouseConfig"/> singleton (only the policy file reloads, through its own provider), so there
/// is no change token and <c>IOptionsMonitor</c> sees the same value for the life of the process.
/// </remarks>
internal sealed class SnapshotOptionsFactory<TOptions>(TOptions value, IEnumerable<IValidateOptions<TOptions>> validators) : IOptionsFactory<TOptions>
    where TOptions : class
{
    public TOptions Create(string name)
    {
        var failures = new List<string>();
        foreach (var validator in validators)
        {
            var result = validator.Validate(name, value);
            if (result.Failed)
            {
                failures.AddRange(result.Failures);
            }
        }

        return failures.Count == 0 ? value : throw new OptionsValidationException(name, typeof(TOptions), failures);
    }
}
