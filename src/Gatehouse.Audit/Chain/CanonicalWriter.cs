using System.Buffers.Binary;
using System.Text;

namespace Gatehouse.Audit.Chain;

/// <summary>Writes the length-prefixed, big-endian encoding the entry hash is computed over.</summary>
/// <remarks>
/// Every variable-length field carries a 4-byte length and every optional field a presence byte, so no two different
/// entries encode to the same bytes (a field boundary can never be shifted into its neighbour).
/// </remarks>
internal ref struct CanonicalWriter(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _position;

    public readonly int Written => _position;

    public static int SizeOf(string value) => 4 + Encoding.UTF8.GetByteCount(value);

    public static int SizeOfOptional(string? value) => 1 + (value is null ? 0 : SizeOf(value));

    public static int SizeOf(ReadOnlySpan<byte> value) => 4 + value.Length;

    public static int SizeOfOptional(byte[]? value) => 1 + (value is null ? 0 : SizeOf(value));

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer[_position..], value);
        _position += 8;
    }

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetBytes(value, _buffer[(_position + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(_buffer[_position..], length);
        _position += 4 + length;
    }

    public void WriteOptional(string? value)
    {
        WritePresence(value is not null);
        if (value is not null)
        {
            WriteString(value);
        }
    }

    public void WriteOptional(int? value)
    {
        WritePresence(value.HasValue);
        if (value.HasValue)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer[_position..], value.Value);
            _position += 4;
        }
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer[_position..], value.Length);
        value.CopyTo(_buffer[(_position + 4)..]);
        _position += 4 + value.Length;
    }

    public void WriteOptional(byte[]? value)
    {
        WritePresence(value is not null);
        if (value is not null)
        {
            WriteBytes(value);
        }
    }

    private void WritePresence(bool present)
    {
        _buffer[_position] = present ? (byte)1 : (byte)0;
        _position++;
    }
}
