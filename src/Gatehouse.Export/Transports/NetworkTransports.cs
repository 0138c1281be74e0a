using System.Globalization;
using System.Net;
using Gatehouse.Export.Transports.Syslog;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Transports;

/// <summary>Creates the network transports of SIEM export: syslog, Splunk HEC, signed webhook and OTLP/HTTP logs.</summary>
/// <remarks>Options are expected to be validated by the configuration binder; values out of range here are bugs and throw.</remarks>
public static class NetworkTransports
{
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
}
