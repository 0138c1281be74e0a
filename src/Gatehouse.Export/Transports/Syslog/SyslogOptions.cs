namespace Gatehouse.Export.Transports.Syslog;

/// <summary>Where and how a syslog sink sends RFC 5424 messages.</summary>
public sealed record SyslogOptions
{
    /// <summary>The smallest datagram limit a receiver must accept over IPv4 (RFC 5426 section 3.2).</summary>
    public const int MinimumDatagramBytes = 480;

    /// <summary>The largest UDP payload over IPv4.</summary>
    public const int MaximumDatagramBytes = 65_507;

    /// <summary>Gets the receiver's host name or address. Required.</summary>
    public required string Host { get; init; }

    /// <summary>Gets the receiver's port. Default: 514 for TCP and UDP, 6514 for TLS (see <see cref="EffectivePort"/>).</summary>
    public int? Port { get; init; }

    /// <summary>Gets the transport. Default: <see cref="SyslogProtocol.Tcp"/>.</summary>
    public SyslogProtocol Protocol { get; init; } = SyslogProtocol.Tcp;

    /// <summary>Gets the facility code, 0 to 23, that PRI is computed from. Default: 13 (log audit).</summary>
    public int Facility { get; init; } = 13;

    /// <summary>Gets the HOSTNAME field. Default: null, which sends the machine's host name.</summary>
    public string? Hostname { get; init; }

    /// <summary>Gets the PROCID field. Default: null, which sends the process id.</summary>
    public string? ProcessId { get; init; }

    /// <summary>Gets how long opening a connection (and the TLS handshake) may take. Default: 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long writing one batch may take before the connection is dropped. Default: 30 seconds.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the largest datagram sent over UDP; longer messages lose the end of MSG. Default: 2048 bytes.</summary>
    /// <remarks>RFC 5426 asks every receiver to take 2048 octets; 480 (IPv4) is the floor, 65507 the ceiling.</remarks>
    public int MaxDatagramBytes { get; init; } = 2048;

    /// <summary>Gets the TLS settings, used when <see cref="Protocol"/> is <see cref="SyslogProtocol.Tls"/>. Default: validate against the system's trust store.</summary>
    public SyslogTlsOptions Tls { get; init; } = new();

    /// <summary>Gets the port actually used: <see cref="Port"/>, or the protocol's registered port.</summary>
    public int EffectivePort => Port ?? (Protocol == SyslogProtocol.Tls ? 6514 : 514);
}
