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

        // One spare byte beyond the declared length shows a body that runs past it.
        var buffer = new byte[(int)Math.Min(Chunk, (declared ?? Chunk - 1) + 1)];
        var written = 0;
        while (true)
        {
            if (written == buffer.Length)
            {
                Array.Resize(ref buffer, Grown(buffer.Length, declared, maxBytes));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(written), cancellationToken);
            if (read == 0)
            {
                return declared is { } length && written != length
                    ? throw new EndOfStreamException("The request body ended before its declared Content-Length.")
                    : buffer.AsMemory(0, written);
            }

            written += read;
            if (written > maxBytes || written > declared)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// The next size of a full buffer: twice what has arrived, but never past the declared length (plus the spare byte)
    /// or the limit, so an agent's 50 KB body ends in one array of its own size rather than a doubled one on the
    /// large-object heap. A declared length within four times what has arrived is reached in one step, so that body
    /// costs the first 16 KB chunk and one array of its size, not a 32 KB one in between; a client still never makes
    /// the gateway reserve more than four times what it has sent.
    /// </summary>
    private static int Grown(int size, long? declared, long maxBytes)
    {
        var cap = Math.Min(Math.Min(declared ?? long.MaxValue, maxBytes), Array.MaxLength - 1) + 1;
        var next = declared is { } length && length + 1 <= 4L * size ? Math.Min(length + 1, cap) : Math.Min(2L * size, cap);
        return (int)Math.Min(next, Array.MaxLength);
    }
}
