using System.IO.Pipelines;

namespace Gatehouse.Agent.Tunnel;

/// <summary>A stream seen as the duplex pipe Kestrel reads and writes a connection through.</summary>
internal sealed class StreamPipe(Stream stream) : IDuplexPipe
{
    public PipeReader Input { get; } = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));

    public PipeWriter Output { get; } = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
}
