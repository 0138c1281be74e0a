using System.Buffers;
using System.Text.Json;

namespace Gatehouse.Protocols.Json;

/// <summary>A parsed document together with the bytes it reads from (pooled, when it owns them); disposing returns both.</summary>
internal readonly struct JsonLease : IDisposable
{
    private readonly byte[]? _array;

    /// <summary>Creates the lease of a document parsed from the first <paramref name="length"/> bytes of the pooled <paramref name="array"/>, which it returns.</summary>
    public JsonLease(JsonDocument document, byte[] array, int length)
    {
        Document = document;
        _array = array;
        Data = array.AsMemory(0, length);
    }

    /// <summary>Creates the lease of a document parsed from <paramref name="data"/>, which someone else owns.</summary>
    public JsonLease(JsonDocument document, ReadOnlyMemory<byte> data)
    {
        Document = document;
        Data = data;
    }

    public JsonDocument? Document { get; }

    /// <summary>Gets the bytes the document reads from.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    public void Dispose()
    {
        Document?.Dispose();
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
