namespace Gatehouse.Export.Transports.Splunk;

/// <summary>Where and how a sink sends events to a Splunk HTTP Event Collector.</summary>
public sealed record HecOptions
{
    /// <summary>Gets the collector's base URL, such as <c>https://splunk.example:8088</c>. Required.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the HEC token, sent as <c>Authorization: Splunk &lt;token&gt;</c>. Required; a secret, never logged.</summary>
    public required string Token { get; init; }

    /// <summary>Gets the <c>host</c> of every event. Default: null, which sends the machine's host name.</summary>
    public string? Host { get; init; }

    /// <summary>Gets the <c>sourcetype</c> of every event. Default: <c>gatehouse:audit</c>.</summary>
    public string Sourcetype { get; init; } = "gatehouse:audit";

    /// <summary>Gets the target index. Default: null, the token's default index.</summary>
    public string? Index { get; init; }

    /// <summary>Gets whether a batch counts as delivered only once the indexers acknowledge it. Default: true.</summary>
    /// <remarks>Requires indexer acknowledgement on the token; without it, HTTP 200 only means the event looked valid.</remarks>
    public bool UseAcknowledgement { get; init; } = true;

    /// <summary>Gets how long to wait for the acknowledgement before the batch is sent again. Default: 60 seconds.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how often the acknowledgement is polled. Default: 1 second.</summary>
    public TimeSpan AckPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how long one HTTP request may take. Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString()
        => $"HecOptions {{ Url = {Url}, Token = ***, Index = {Index}, Sourcetype = {Sourcetype}, UseAcknowledgement = {UseAcknowledgement} }}";
}
