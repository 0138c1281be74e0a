namespace Gatehouse.Export.Sinks;

/// <summary>One export sink: a named destination with its own format, transport and durable cursor.</summary>
public sealed record ExportSinkConfig
{
    /// <summary>The default number of entries read and delivered at once.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>Gets the sink's unique name; it keys the sink's cursor, so renaming a sink starts it from the beginning.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the event format; the default is <see cref="ExportFormat.Json"/>.</summary>
    public ExportFormat Format { get; init; } = ExportFormat.Json;

    /// <summary>Gets a value indicating whether the masked prompt, response and tool arguments are exported; the default is false.</summary>
    /// <remarks>Off by default so a SIEM receives who, what, when and the decision, and no conversation content.</remarks>
    public bool IncludeBodies { get; init; }

    /// <summary>Gets the most entries read and delivered at once; the default is 500.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Gets where the events go.</summary>
    public required ExportTransportConfig Transport { get; init; }
}
