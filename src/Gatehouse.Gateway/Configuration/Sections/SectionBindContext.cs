using System.Collections;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>What a section's binder may use besides its own YAML: the environment (for secrets) and the item paths.</summary>
internal sealed class SectionBindContext(IDictionary environment, ItemPaths paths)
{
    /// <summary>Gets the environment variables that <c>{ env: NAME }</c> secrets are read from.</summary>
    public IDictionary Environment { get; } = environment;

    /// <summary>Gets where a binder records which YAML item each kept list entry came from.</summary>
    public ItemPaths Paths { get; } = paths;
}
