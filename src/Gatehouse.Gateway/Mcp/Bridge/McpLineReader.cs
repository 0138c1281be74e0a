using System.Buffers;
using System.IO.Pipelines;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>Reads newline-delimited lines from a stream, refusing a line longer than a limit instead of growing without bound.</summary>
internal sealed class McpLineReader(Stream stream, int maxLineBytes)
{
    private readonly PipeReader _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));

    /// <summary>Returns the next line without its end (LF or CR LF), or null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">A line is longer than the limit.</exception>
    public async ValueTask<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, end).ToArray();
                _reader.AdvanceTo(buffer.GetPosition(1, end));
                return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
            }

            if (buffer.Length > maxLineBytes)
            {
                throw new InvalidDataException($"a line longer than {maxLineBytes} bytes");
            }

            if (result.IsCompleted)
            {
                var rest = buffer.IsEmpty ? null : buffer.ToArray();
                _reader.AdvanceTo(buffer.End);
                return rest;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
