namespace Gatehouse.Export.Transports.Otlp;

/// <summary>Where a sink sends events as OpenTelemetry log records over OTLP/HTTP with JSON encoding.</summary>
public sealed record OtlpOptions
{
    /// <summary>Gets the collector's base URL, such as <c>http://collector:4318</c>; records go to <c>{endpoint}/v1/logs</c>. Required.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Gets the resource's <c>service.name</c>. Default: <c>gatehouse</c>.</summary>
    public string ServiceName { get; init; } = "gatehouse";

    /// <summary>Gets the instrumentation scope name of the records. Default: <c>gatehouse.audit</c>.</summary>
    public string ScopeName { get; init; } = "gatehouse.audit";

    /// <summary>Gets extra request headers, such as a collector's API key. Default: none. Values are never logged.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets how long one request may take. Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString()
        => $"OtlpOptions {{ Endpoint = {Endpoint}, ServiceName = {ServiceName}, ScopeName = {ScopeName}, Headers = [{string.Join(", ", Headers.Keys)}] }}";
}
