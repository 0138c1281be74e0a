using System.Globalization;
using System.Net;
using Gatehouse.Export.Transports.Otlp;
using Gatehouse.Export.Transports.Splunk;
using Gatehouse.Export.Transports.Syslog;
using Gatehouse.Export.Transports.Webhook;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Transports;

/// <summary>Creates the network transports of SIEM export: syslog, Splunk HEC, signed webhook and OTLP/HTTP logs.</summary>
/// <remarks>Options are expected to be validated by the configuration binder; values out of range here are bugs and throw.</remarks>
public static class NetworkTransports
{
    /// <summary>Creates the transport that <paramref name="options"/> describes.</summary>
    /// <param name="options">Exactly one transport's settings.</param>
    /// <param name="httpClient">
    /// The client for HEC, webhook and OTLP (its handler owns TLS trust and proxies), not disposed by the transport;
    /// null gives each transport its own client that follows no redirects. Unused by syslog.
    /// </param>
    /// <param name="timeProvider">The clock for time-outs, acknowledgement polling and signatures.</param>
    /// <param name="logger">Where connection and acknowledgement events are logged.</param>
    public static IExportTransport Create(NetworkTransportOptions options, HttpClient? httpClient, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options switch
        {
            { Syslog: { } syslog } => CreateSyslog(syslog, timeProvider, logger),
            { Hec: { } hec } => CreateHec(hec, httpClient, timeProvider, logger),
            { Webhook: { } webhook } => CreateWebhook(webhook, httpClient, timeProvider),
            { Otlp: { } otlp } => CreateOtlp(otlp, httpClient, timeProvider),
            _ => throw new ArgumentException("no transport is set", nameof(options)),
        };
    }

    /// <summary>Creates a syslog transport: TCP or TLS on a persistent connection, or UDP datagrams.</summary>
    public static IExportTransport CreateSyslog(SyslogOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host);
        ArgumentOutOfRangeException.ThrowIfNotEqual(options.Facility is >= 0 and <= 23, true, nameof(options.Facility));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDatagramBytes, SyslogOptions.MinimumDatagramBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxDatagramBytes, SyslogOptions.MaximumDatagramBytes);

        var writer = new SyslogMessageWriter(
            options.Facility,
            options.Hostname ?? Dns.GetHostName(),
            options.ProcessId ?? Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return options.Protocol == SyslogProtocol.Udp
            ? new SyslogUdpTransport(options, writer, logger)
            : new SyslogStreamTransport(options, writer, timeProvider, logger);
    }

    /// <summary>Creates a Splunk HTTP Event Collector transport, with indexer acknowledgement unless turned off.</summary>
    /// <remarks>A null <paramref name="httpClient"/> gives the transport its own, disposed with it.</remarks>
    public static IExportTransport CreateHec(HecOptions options, HttpClient? httpClient, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        RequireHttpUrl(options.Url);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Token);
        return new HecTransport(options, options.Host ?? Dns.GetHostName(), httpClient, timeProvider, logger);
    }

    /// <summary>Creates a webhook transport that posts HMAC-SHA256-signed batches.</summary>
    /// <remarks>A null <paramref name="httpClient"/> gives the transport its own, disposed with it.</remarks>
    public static IExportTransport CreateWebhook(WebhookOptions options, HttpClient? httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        RequireHttpUrl(options.Url);
        ArgumentException.ThrowIfNullOrEmpty(options.Secret);
        return new WebhookTransport(options, httpClient, timeProvider);
    }

    /// <summary>Creates an OpenTelemetry logs transport (OTLP/HTTP, JSON encoding).</summary>
    /// <remarks>A null <paramref name="httpClient"/> gives the transport its own, disposed with it.</remarks>
    public static IExportTransport CreateOtlp(OtlpOptions options, HttpClient? httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        RequireHttpUrl(options.Endpoint);
        return new OtlpTransport(options, httpClient, timeProvider);
    }

    private static void RequireHttpUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("not an absolute http(s) URL", nameof(url));
        }
    }
}
