using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>A batch's search tags as the append function takes them: one array per column.</summary>
internal sealed class TagColumns
{
    private readonly List<int> _entries = [];
    private readonly List<string> _tags = [];
    private readonly List<bool> _onIntent = [];

    /// <summary>Adds one tag of the batch's 1-based <paramref name="entry"/>, or of that entry's exchange's intent.</summary>
    public void Add(int entry, string tag, bool onIntent)
    {
        _entries.Add(entry);
        _tags.Add(tag);
        _onIntent.Add(onIntent);
    }

    /// <summary>Adds <paramref name="prefix"/> followed by each of <paramref name="values"/>.</summary>
    public void Add(int entry, string prefix, List<string> values, bool onIntent)
    {
        foreach (var value in values)
        {
            Add(entry, prefix + value, onIntent);
        }
    }

    /// <summary>Adds the three arrays to <paramref name="values"/>.</summary>
    public void AddTo(NpgsqlParameterCollection values)
    {
        values.Add(new NpgsqlParameter("tag_entry", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = _entries.ToArray() });
        values.Add(new NpgsqlParameter("tag_text", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = _tags.ToArray() });
        values.Add(new NpgsqlParameter("tag_on_intent", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = _onIntent.ToArray() });
    }
}
