using System.Buffers;

namespace Gatehouse.Masking.Detection;

/// <summary>A growable list over pooled arrays, so that a scan that finds nothing allocates nothing.</summary>
internal struct PooledList<T> : IDisposable
{
    private T[]? _items;

    public int Count { get; private set; }

    public readonly Span<T> Span => _items is null ? [] : _items.AsSpan(0, Count);

    public void Add(T item)
    {
        if (_items is null || Count == _items.Length)
        {
            var grown = ArrayPool<T>.Shared.Rent(Math.Max(16, Count * 2));
            Span.CopyTo(grown);
            Return();
            _items = grown;
        }

        _items[Count++] = item;
    }

    public void Clear() => Count = 0;

    public void Truncate(int count) => Count = Math.Min(count, Count);

    public void Dispose()
    {
        Return();
        _items = null;
        Count = 0;
    }

    private readonly void Return()
    {
        if (_items is not null)
        {
            ArrayPool<T>.Shared.Return(_items);
        }
    }
}
