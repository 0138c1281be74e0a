namespace Gatehouse.Export.Transports.Syslog;

/// <summary>How syslog messages travel to the receiver.</summary>
public enum SyslogProtocol
{
    /// <summary>TCP with RFC 6587 octet-counting framing.</summary>
    Tcp,

    /// <summary>TLS over TCP (RFC 5425), octet-counted like TCP.</summary>
    Tls,

    /// <summary>UDP (RFC 5426): one datagram per message, nothing acknowledged.</summary>
    Udp,
}
