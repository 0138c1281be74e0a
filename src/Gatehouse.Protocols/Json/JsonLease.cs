using System.Buffers;
using System.Text.Json;

namespace Gatehouse.Protocols.Json;

/// <summary>A parsed document together with the pooled bytes it reads from; disposing returns both.</summary>
internal readonly struct JsonLease : IDisposable
{
    private readonly byte[]? _array;

    public JsonLease(JsonDocument document, byte[] array)
    {
        Document = document;
        _array = array;
    }

    public JsonDocument? Document { get; }

    public void Dispose()
    {
        Document?.Dispose();
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
