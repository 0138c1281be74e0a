using Gatehouse.Export.Sinks;

namespace Gatehouse.Export.Transports.File;

/// <summary>A JSON Lines (or CEF lines) file that rotates by size: <c>transport: { type: file, path, maxBytes, keep }</c>.</summary>
public sealed record FileTransportConfig : ExportTransportConfig
{
    /// <summary>The configuration's name of this transport type.</summary>
    public const string TypeName = "file";

    /// <summary>Gets the file written to; rotated files are <c>{path}.1</c> (newest) to <c>{path}.{keep}</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the size at which the file is rotated before the next batch; the default is 100 MiB.</summary>
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Gets how many rotated files are kept; the default is 5, and 0 keeps none.</summary>
    public int Keep { get; init; } = 5;

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override IExportTransport Create(ExportTransportContext context) => new JsonLinesFileTransport(this);
}
