using System.Buffers;

namespace Gatehouse.Protocols.Sse;

/// <summary>A growable byte buffer rented from the shared pool, refusing to grow past a fixed limit.</summary>
internal sealed class PooledByteBuffer
{
    private const int InitialSize = 1024;
    private readonly int _maxLength;
    private byte[] _array = [];
    private int _length;

    public PooledByteBuffer(int maxLength)
    {
        _maxLength = maxLength;
    }

    public int Length => _length;

    public int MaxLength => _maxLength;

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, _length);

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, _length);

    /// <summary>Appends <paramref name="bytes"/>, or returns false (appending nothing) when the limit would be passed.</summary>
    public bool TryAppend(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _maxLength - _length)
        {
            return false;
        }

        var needed = _length + bytes.Length;
        if (needed > _array.Length)
        {
            Grow(needed);
        }

        bytes.CopyTo(_array.AsSpan(_length));
        _length = needed;
        return true;
    }

    public bool TryAppend(byte value) => TryAppend([value]);

    public void Clear() => _length = 0;

    /// <summary>Returns the array to the pool; the buffer stays usable and rents again when appended to.</summary>
    public void Release()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = [];
        _length = 0;
    }

    private void Grow(int needed)
    {
        var size = Math.Max(InitialSize, _array.Length);
        while (size < needed)
        {
            size = (int)Math.Min((long)size * 2, Math.Max(_maxLength, InitialSize));
        }

        var next = ArrayPool<byte>.Shared.Rent(size);
        _array.AsSpan(0, _length).CopyTo(next);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = next;
    }
}
