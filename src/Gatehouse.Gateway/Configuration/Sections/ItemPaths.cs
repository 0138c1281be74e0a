using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>
/// Maps a bound list's entries back to their YAML items: a binder drops an item that cannot be built (its error is
/// already reported), so the third connection in the snapshot may be <c>connections[3]</c> in the file.
/// </summary>
internal sealed class ItemPaths
{
    private readonly Dictionary<string, List<int>> _sources = new(StringComparer.Ordinal);

    /// <summary>Records that the next entry kept in the list at <paramref name="listPath"/> is the YAML item <paramref name="sourceIndex"/>.</summary>
    public void Kept(string listPath, int sourceIndex)
    {
        if (!_sources.TryGetValue(listPath, out var sources))
        {
            _sources[listPath] = sources = [];
        }

        sources.Add(sourceIndex);
    }

    /// <summary>The YAML path of entry <paramref name="index"/>; the entry's own index when nothing was recorded (options built in code).</summary>
    public string Of(string listPath, int index)
        => ConfigNode.ItemPath(listPath, _sources.TryGetValue(listPath, out var sources) && index < sources.Count ? sources[index] : index);
}
