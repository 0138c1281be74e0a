namespace Gatehouse.Gateway.Configuration;

/// <summary>The organisation's CA files, as written by <c>gatehouse ca init</c>: a PEM certificate and its PEM private key.</summary>
public sealed record ProxyCaConfig
{
    /// <summary>Gets the path of the CA certificate (PEM), the file clients are told to trust.</summary>
    public required string Cert { get; init; }

    /// <summary>Gets the path of the CA's private key (PEM, PKCS#8), readable by its owner only.</summary>
    public required string Key { get; init; }
}
