namespace Gatehouse.Storage;

/// <summary>
/// The one table of the names <see cref="StoreDurability"/> has wherever it is text: <c>audit.durability</c> in the
/// configuration. Lower-case, matched exactly, as every documented configuration and shipped example writes them.
/// </summary>
public static class StoreDurabilityNames
{
    /// <summary>Gets every name, in the order of <see cref="StoreDurability"/>: <c>fsync</c>, <c>process</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<StoreDurability>().Select(Name)];

    /// <summary>Returns the name of <paramref name="durability"/>: <c>fsync</c> or <c>process</c>.</summary>
    public static string Name(StoreDurability durability) => durability == StoreDurability.Process ? "process" : "fsync";

    /// <summary>Reads a name written by <see cref="Name"/>; false for any other text.</summary>
    public static bool TryParse(string? text, out StoreDurability durability)
    {
        durability = text == "process" ? StoreDurability.Process : StoreDurability.Fsync;
        return text is "fsync" or "process";
    }
}
