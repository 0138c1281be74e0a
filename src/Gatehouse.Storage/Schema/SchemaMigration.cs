namespace Gatehouse.Storage.Schema;

/// <summary>What a migration did: the store's schema version before and after.</summary>
/// <param name="From">The version before; 0 for a store that was empty.</param>
/// <param name="To">The version after: this release's.</param>
public sealed record SchemaMigration(int From, int To)
{
    /// <summary>Gets whether any step was applied.</summary>
    public bool Changed => From != To;
}
