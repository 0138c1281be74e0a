using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>Reads a CONNECT request from the raw connection, or leaves any other request untouched for Kestrel.</summary>
/// <remarks>
/// Only the request line is looked at before deciding: a non-CONNECT request is left wholly unconsumed, so Kestrel's own
/// parser (its limits, its errors) reads it exactly as it arrived. A CONNECT head is bounded by <see cref="MaxHeadBytes"/>.
/// </remarks>
internal static class ProxyHeadReader
{
    /// <summary>The largest CONNECT head read, line and headers.</summary>
    public const int MaxHeadBytes = 16 * 1024;

    private static ReadOnlySpan<byte> ConnectPrefix => "CONNECT "u8;

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    public static async ValueTask<(ProxyHeadRead Read, ProxyRequestHead? Head)> ReadAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length == 0 && result.IsCompleted)
            {
                input.AdvanceTo(buffer.Start);
                return (ProxyHeadRead.Closed, null);
            }

            var prefixLength = (int)Math.Min(buffer.Length, ConnectPrefix.Length);
            var prefix = buffer.Slice(0, prefixLength).ToArray();
            if (!ConnectPrefix[..prefixLength].SequenceEqual(prefix))
            {
                // Not CONNECT: Kestrel parses it from the first byte.
                input.AdvanceTo(buffer.Start);
                return (ProxyHeadRead.Other, null);
            }

            var reader = new SequenceReader<byte>(buffer);
            if (reader.TryReadTo(out ReadOnlySequence<byte> head, HeadEnd, advancePastDelimiter: true))
            {
                var parsed = Parse(head.ToArray());
                input.AdvanceTo(reader.Position);
                return parsed is null ? (ProxyHeadRead.Malformed, null) : (ProxyHeadRead.Connect, parsed);
            }

            if (buffer.Length > MaxHeadBytes || result.IsCompleted)
            {
                input.AdvanceTo(buffer.End);
                return (ProxyHeadRead.Malformed, null);
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static ProxyRequestHead? Parse(byte[] head)
    {
        var text = Encoding.Latin1.GetString(head);
        var lines = text.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine is not ["CONNECT", { Length: > 0 } target, "HTTP/1.1" or "HTTP/1.0"])
        {
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Contains(' ', StringComparison.Ordinal) || line.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                return null;
            }

            headers.Add(KeyValuePair.Create(line[..colon], line[(colon + 1)..].Trim()));
        }

        return new ProxyRequestHead(target, headers);
    }
}
