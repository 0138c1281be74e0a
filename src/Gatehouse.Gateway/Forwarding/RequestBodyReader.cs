using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>
/// Reads a request body into memory, refusing anything over the limit, so that the bytes inspected are exactly the
/// bytes forwarded.
/// </summary>
/// <remarks>
/// The body is read in chunks and the buffer grows with what has arrived, never with what the caller declared: a
/// <c>Content-Length</c> near the limit followed by a trickle of bytes must not reserve the limit's worth of memory
/// per connection. How slowly the bytes may arrive is bounded by Kestrel's minimum data rate
/// (<c>limits.minRequestBodyBytesPerSecond</c>).
/// </remarks>
internal static class RequestBodyReader
{
    private const int Chunk = 16 * 1024;

    /// <summary>Reads the body; returns null when it is (or declares to be) larger than <paramref name="maxBytes"/>.</summary>
    /// <remarks>The bytes are the reader's own buffer, not a copy: the data path parses, masks and forwards them in place.</remarks>
    /// <exception cref="IOException">The body ended before its declared length, or the client went away.</exception>
    public static async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = request.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

        if (declared == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var writer = new ArrayBufferWriter<byte>((int)Math.Min(declared ?? Chunk, Chunk));
        while (true)
        {
            var read = await request.Body.ReadAsync(writer.GetMemory(Chunk), cancellationToken);
            if (read == 0)
            {
                return declared is { } length && writer.WrittenCount != length
                    ? throw new EndOfStreamException("The request body ended before its declared Content-Length.")
                    : writer.WrittenMemory;
            }

            writer.Advance(read);
            if (writer.WrittenCount > maxBytes || writer.WrittenCount > declared)
            {
                return null;
            }
        }
    }
}
