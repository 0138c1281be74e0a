namespace Gatehouse.Storage;

/// <summary>
/// The one table of the names <see cref="StoreDurability"/> has wherever it is text: <c>audit.durability</c> in the
/// configuration. Lower-case, matched exactly, as every documented configuration and shipped example writes them.
/// </summary>
public static class StoreDurabilityNames
{
    /// <summary>Gets the names: <c>fsync</c>, <c>process</c>.</summary>
    public static NameTable<StoreDurability> Table { get; } = new((StoreDurability.Fsync, "fsync"), (StoreDurability.Process, "process"));
}
