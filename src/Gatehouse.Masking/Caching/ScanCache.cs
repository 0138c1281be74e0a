using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Gatehouse.Masking.Caching;

/// <summary>
/// Whole-text masking results of one engine, least recently used first out, bounded by an estimate of their bytes.
/// Thread-safe.
/// </summary>
/// <remarks>
/// <para>Keyed by XxHash128 of the text's UTF-16 code units under a random per-cache seed (so that nobody can aim
/// texts at one dictionary bucket), and every hit is verified against a stored copy of the text: a hash collision,
/// chance or crafted, only costs a rescan and can never return another text's result, which could let a secret
/// through. Verifying costs one memory comparison, several times cheaper than scanning the text again, whereas a
/// cryptographic hash of the text would cost about as much as the scan it saves.</para>
/// <para>The cache belongs to one <see cref="MaskingEngine"/>, whose rules, settings and fingerprint key never
/// change: that engine is the version of every entry. A configuration reload builds a new engine with a new, empty
/// cache, so no result computed under other rules is ever reused.</para>
/// </remarks>
internal sealed class ScanCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<UInt128, LinkedListNode<ScanCacheEntry>> _entries = [];
    private readonly LinkedList<ScanCacheEntry> _recency = new();
    private readonly long _seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
    private readonly long _maxBytes;
    private long _bytes;

    public ScanCache(long maxBytes, int minChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        _maxBytes = maxBytes;
        MinChars = minChars;
    }

    /// <summary>Gets the shortest text that is cached.</summary>
    public int MinChars { get; }

    /// <summary>Gets the estimated bytes held now (never more than the budget).</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Gets the number of cached texts.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public UInt128 KeyOf(ReadOnlySpan<char> text) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text), _seed);

    /// <summary>Returns the cached result of exactly <paramref name="text"/>, or null.</summary>
    public MaskingResult? Find(UInt128 key, ReadOnlySpan<char> text)
    {
        ScanCacheEntry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            entry = node.Value;
        }

        return text.SequenceEqual(entry.Text) ? entry.Result : null;
    }

    /// <summary>Caches <paramref name="result"/> for <paramref name="text"/>, evicting the least recently used.</summary>
    public void Add(UInt128 key, ReadOnlySpan<char> text, MaskingResult result)
    {
        var size = ScanCacheEntry.SizeOf(text.Length, result);
        if (size > _maxBytes)
        {
            return;
        }

        var node = new LinkedListNode<ScanCacheEntry>(new ScanCacheEntry(key, text.ToString(), result, size));
        lock (_lock)
        {
            // Another caller may have added the same text meanwhile (or a colliding one): the newest wins.
            if (_entries.Remove(key, out var existing))
            {
                Evict(existing);
            }

            while (_bytes + size > _maxBytes && _recency.Last is { } oldest)
            {
                _entries.Remove(oldest.Value.Key);
                Evict(oldest);
            }

            _entries.Add(key, node);
            _recency.AddFirst(node);
            _bytes += size;
        }
    }

    private void Evict(LinkedListNode<ScanCacheEntry> node)
    {
        _recency.Remove(node);
        _bytes -= node.Value.Bytes;
    }
}
