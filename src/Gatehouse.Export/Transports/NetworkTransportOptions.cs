using Gatehouse.Export.Transports.Otlp;
using Gatehouse.Export.Transports.Splunk;
using Gatehouse.Export.Transports.Syslog;
using Gatehouse.Export.Transports.Webhook;

namespace Gatehouse.Export.Transports;

/// <summary>One sink's network transport: exactly one of the four option records is set.</summary>
public sealed record NetworkTransportOptions
{
    /// <summary>Gets the syslog settings (<c>type: syslog</c>), or null.</summary>
    public SyslogOptions? Syslog { get; init; }

    /// <summary>Gets the Splunk HEC settings (<c>type: hec</c>), or null.</summary>
    public HecOptions? Hec { get; init; }

    /// <summary>Gets the webhook settings (<c>type: webhook</c>), or null.</summary>
    public WebhookOptions? Webhook { get; init; }

    /// <summary>Gets the OTLP/HTTP logs settings (<c>type: otlp</c>), or null.</summary>
    public OtlpOptions? Otlp { get; init; }

    /// <summary>Gets the transport's type name as written in the configuration.</summary>
    public string Type => Syslog is not null ? "syslog" : Hec is not null ? "hec" : Webhook is not null ? "webhook" : Otlp is not null ? "otlp" : "none";

    /// <summary>Gets whether the transport talks HTTP and so needs an <see cref="HttpClient"/>.</summary>
    public bool UsesHttp => Hec is not null || Webhook is not null || Otlp is not null;
}
