using System.Buffers;

namespace Gatehouse.Protocols.Sse;

/// <summary>A growable byte buffer rented from the shared pool, refusing to grow past a fixed limit.</summary>
/// <remarks>
/// <para>It is also the data path's <see cref="IBufferWriter{T}"/> for per-exchange scratch output (what a response's
/// pipeline produced or released for one chunk): an <see cref="ArrayBufferWriter{T}"/> there allocated a fresh array
/// per exchange. Writing past <see cref="MaxLength"/> through the writer is a caller's bug and throws; use
/// <see cref="Unbounded"/> when the caller bounds the output itself.</para>
/// <para>The array goes back to the pool on <see cref="Release"/> (or <see cref="Dispose"/>); the buffer stays usable
/// and rents again when written to. Not thread-safe.</para>
/// </remarks>
public sealed class PooledByteBuffer : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 1024;
    private readonly int _maxLength;
    private byte[] _array = [];
    private int _length;

    /// <summary>Initializes an empty buffer that holds at most <paramref name="maxLength"/> bytes; nothing is rented yet.</summary>
    public PooledByteBuffer(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        _maxLength = maxLength;
    }

    /// <summary>Gets the largest limit: a buffer whose writer's callers bound what they write.</summary>
    public static int Unbounded => Array.MaxLength;

    /// <summary>Gets how many bytes the buffer holds.</summary>
    public int Length => _length;

    /// <summary>Gets the most bytes the buffer may hold.</summary>
    public int MaxLength => _maxLength;

    /// <summary>Gets the bytes held.</summary>
    public ReadOnlySpan<byte> Span => _array.AsSpan(0, _length);

    /// <summary>Gets the bytes held; valid until the next write, <see cref="Clear"/> or <see cref="Release"/>.</summary>
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

    /// <summary>Appends one byte, or returns false when the limit would be passed.</summary>
    public bool TryAppend(byte value) => TryAppend([value]);

    /// <summary>Empties the buffer and keeps its array for the next writes.</summary>
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

    /// <summary>Returns the array to the pool, as <see cref="Release"/> does.</summary>
    public void Dispose() => Release();

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > Room)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _length += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_length, Room);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_length, Room);
    }

    private void Reserve(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var wanted = Math.Max(sizeHint, 1);
        if (wanted > _maxLength - _length)
        {
            throw new InvalidOperationException($"The buffer holds at most {_maxLength} bytes.");
        }

        if (wanted > _array.Length - _length)
        {
            Grow(_length + wanted);
        }
    }

    // What the writer may fill: the rented array's free space, never past the limit.
    private int Room => Math.Min(_array.Length, _maxLength) - _length;

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
