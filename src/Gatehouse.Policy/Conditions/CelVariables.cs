using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Gatehouse.Policy.Evaluation;

namespace Gatehouse.Policy.Conditions;

/// <summary>
/// One evaluation's CEL context (docs/policy.md), read-only, each top-level variable built the first time an
/// expression reads it.
/// </summary>
/// <remarks>
/// Most conditions read one or two of the ten variables (<c>request.prompt_chars</c>, <c>identity.groups</c>), and a
/// decision evaluates with a context of its own, so building all ten per evaluation (a dictionary each for the
/// identity and the request, lists of groups, grants, findings and tool calls) was mostly waste. A variable is the
/// same value however often it is read. Building is safe from several threads at once (a condition may be shared):
/// two racing readers may both build a variable, and the first value published is the one every reader gets.
/// </remarks>
internal sealed class CelVariables : IDictionary<string, object?>
{
    private static readonly object Unbuilt = new();
    private readonly EvaluationScope _scope;
    private readonly object?[] _values;

    public CelVariables(EvaluationScope scope)
    {
        _scope = scope;
        _values = new object?[CelVariableBuilder.RootNames.Length];
        Array.Fill(_values, Unbuilt);
    }

    public int Count => _values.Length;

    public bool IsReadOnly => true;

    public ICollection<string> Keys => CelVariableBuilder.RootNames;

    public ICollection<object?> Values => [.. this.Select(p => p.Value)];

    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not a policy variable");
        set => throw ReadOnly();
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = CelVariableBuilder.RootNames.IndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = ValueAt(index);
        return true;
    }

    public bool ContainsKey(string key) => CelVariableBuilder.RootNames.IndexOf(key) >= 0;

    public bool Contains(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && EqualityComparer<object?>.Default.Equals(value, item.Value);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (var pair in this)
        {
            array[arrayIndex++] = pair;
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(CelVariableBuilder.RootNames[i], ValueAt(i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(string key, object? value) => throw ReadOnly();

    public void Add(KeyValuePair<string, object?> item) => throw ReadOnly();

    public bool Remove(string key) => throw ReadOnly();

    public bool Remove(KeyValuePair<string, object?> item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The policy context is read-only.");

    private object? ValueAt(int index)
    {
        var value = Volatile.Read(ref _values[index]);
        if (!ReferenceEquals(value, Unbuilt))
        {
            return value;
        }

        var built = CelVariableBuilder.Root(index, _scope);
        var published = Interlocked.CompareExchange(ref _values[index], built, Unbuilt);
        return ReferenceEquals(published, Unbuilt) ? built : published;
    }
}
