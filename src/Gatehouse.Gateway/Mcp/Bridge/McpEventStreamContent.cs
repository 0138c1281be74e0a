using System.IO.Pipelines;
using System.Net;
using System.Text.Json;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>
/// The event stream a bridged request is answered with: one <c>message</c> event per JSON-RPC message, the response
/// last, each written as it arrives (the content is never buffered whole).
/// </summary>
internal sealed class McpEventStreamContent(McpPendingRequest pending) : HttpContent
{
    private static readonly byte[] Prefix = "event: message\ndata: "u8.ToArray();
    private static readonly byte[] Suffix = "\n\n"u8.ToArray();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await foreach (var message in pending.Messages.ReadAllAsync(cancellationToken))
        {
            await stream.WriteAsync(Prefix, cancellationToken);
            await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(message), cancellationToken);
            await stream.WriteAsync(Suffix, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        // HttpContent's default buffers everything before the first read; a pipe hands each event on as it is written.
        var pipe = new Pipe();
        _ = PumpAsync(pipe.Writer);
        return Task.FromResult(pipe.Reader.AsStream());
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private async Task PumpAsync(PipeWriter writer)
    {
        try
        {
            await SerializeToStreamAsync(writer.AsStream(leaveOpen: true), null, CancellationToken.None);
            await writer.CompleteAsync();
        }
        catch (Exception ex)
        {
            // The reader (the gateway's response pipeline) sees the failure as a broken upstream body.
            await writer.CompleteAsync(ex);
        }
    }
}
