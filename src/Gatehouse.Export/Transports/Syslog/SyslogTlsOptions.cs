namespace Gatehouse.Export.Transports.Syslog;

/// <summary>How a syslog sink authenticates the receiver (and, optionally, itself) over TLS.</summary>
public sealed record SyslogTlsOptions
{
    /// <summary>Gets the name the server certificate must carry. Default: null, which uses the sink's host.</summary>
    public string? ServerName { get; init; }

    /// <summary>Gets a PEM file of CA certificates that, alone, are trusted for the server certificate. Default: null (the system's trust store).</summary>
    public string? CaFile { get; init; }

    /// <summary>Gets a PEM client certificate presented to the receiver. Default: null (no client certificate).</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>Gets the PEM private key of <see cref="ClientCertificateFile"/>. Default: null (the key is in the certificate file).</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>Gets whether the server certificate is validated. Default: true.</summary>
    /// <remarks>Turning it off lets anyone on the path read and drop audit events; it exists for lab set-ups only.</remarks>
    public bool ValidateServerCertificate { get; init; } = true;
}
