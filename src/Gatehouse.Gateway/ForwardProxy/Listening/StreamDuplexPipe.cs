using System.IO.Pipelines;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>The decrypted side of an intercepted tunnel as the transport Kestrel's HTTP parser reads and writes.</summary>
internal sealed class StreamDuplexPipe(Stream stream) : IDuplexPipe, IAsyncDisposable
{
    public PipeReader Input { get; } = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));

    public PipeWriter Output { get; } = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));

    public async ValueTask DisposeAsync()
    {
        await Input.CompleteAsync();
        await Output.CompleteAsync();
        await stream.DisposeAsync();
    }
}
