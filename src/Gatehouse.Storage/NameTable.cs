namespace Gatehouse.Storage;

/// <summary>
/// The names an enum's values have wherever they are text (configuration, stored records): each value exactly one name,
/// matched exactly (ordinal), so a spelling the docs do not give is refused rather than guessed.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
/// <remarks>
/// It lives in the store project because that is the lowest assembly the audit, the gateway and their configuration
/// share. The table is checked when it is built: a value without a name, or two values with one, is a bug.
/// </remarks>
public sealed class NameTable<T>
    where T : struct, Enum
{
    private readonly (T Value, string Name)[] _entries;

    /// <summary>Initializes a new instance of the <see cref="NameTable{T}"/> class.</summary>
    /// <param name="entries">Every value of <typeparamref name="T"/> with its name, in the order the docs list them.</param>
    /// <exception cref="ArgumentException">A value has no name or two, or two values share a name.</exception>
    public NameTable(params (T Value, string Name)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var values = Enum.GetValues<T>();
        if (entries.Length != values.Length || values.Any(v => entries.Count(e => e.Value.Equals(v)) != 1)
            || entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count() != entries.Length)
        {
            throw new ArgumentException($"every {typeof(T).Name} needs exactly one name of its own", nameof(entries));
        }

        _entries = entries;
        Names = [.. entries.Select(e => e.Name)];
        Choices = Names.Count == 1 ? Names[0] : string.Join(", ", Names.Take(Names.Count - 1)) + " or " + Names[^1];
    }

    /// <summary>Gets every name, in the table's order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets the names as an error lists them: <c>a, b or c</c>.</summary>
    public string Choices { get; }

    /// <summary>Returns the name of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a value of <typeparamref name="T"/>.</exception>
    public string Name(T value)
    {
        foreach (var entry in _entries)
        {
            if (EqualityComparer<T>.Default.Equals(entry.Value, value))
            {
                return entry.Name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");
    }

    /// <summary>Reads a name written by <see cref="Name"/>; false for any other text, in any other case.</summary>
    public bool TryParse(string? text, out T value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Name, text, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
