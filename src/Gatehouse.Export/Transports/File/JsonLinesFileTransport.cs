using System.Buffers;

namespace Gatehouse.Export.Transports.File;

/// <summary>Appends one event per line to a file, fsynced before a batch counts as delivered, rotating by size.</summary>
/// <remarks>
/// <para>
/// A process killed mid-write can leave a torn last line. The file is always (re)opened by checking its last byte: if
/// it is not a line feed, one is written first, so the torn fragment stays a line of its own and never swallows the
/// next event. The torn batch was not acknowledged, so its events are written again, whole, after it: a reader skips a
/// line that does not parse and de-duplicates by sequence.
/// </para>
/// <para>Rotation happens between batches, so a batch is never split across two files.</para>
/// </remarks>
internal sealed class JsonLinesFileTransport : IExportTransport
{
    private const byte LineFeed = (byte)'\n';

    private readonly FileTransportConfig _config;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private FileStream? _file;

    public JsonLinesFileTransport(FileTransportConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
    }

    public async ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        _buffer.ResetWrittenCount();
        foreach (var e in batch)
        {
            if (e.Payload.Span.Contains(LineFeed))
            {
                throw new ArgumentException("An export event payload must be one line.", nameof(batch));
            }

            _buffer.Write(e.Payload.Span);
            _buffer.Write([LineFeed]);
        }

        try
        {
            var file = Open();
            await file.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);

            // Flush(true) is fsync: the cursor moves past this batch only once the lines are on disk.
            file.Flush(flushToDisk: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            await CloseAsync().ConfigureAwait(false);
            throw new ExportDeliveryException($"the export file '{_config.Path}' could not be written ({error.GetType().Name})", error);
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private FileStream Open()
    {
        if (_file is not null && _file.Length >= _config.MaxBytes)
        {
            _file.Dispose();
            _file = null;
            FileRotation.Rotate(_config.Path, _config.Keep);
        }

        if (_file is not null)
        {
            return _file;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(_config.Path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var file = new FileStream(_config.Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        try
        {
            EndTornLine(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        _file = file;
        return file;
    }

    private static void EndTornLine(FileStream file)
    {
        if (file.Length == 0)
        {
            return;
        }

        file.Seek(-1, SeekOrigin.End);
        var last = file.ReadByte();
        file.Seek(0, SeekOrigin.End);
        if (last != LineFeed)
        {
            file.WriteByte(LineFeed);
            file.Flush(flushToDisk: true);
        }
    }

    private async ValueTask CloseAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
            _file = null;
        }
    }
}
