namespace Gatehouse.Gateway.Configuration;

/// <summary>What the forward proxy does with a host it neither intercepts nor is told to tunnel.</summary>
public enum ProxyDefault
{
    /// <summary>Refuse the CONNECT with 403 (the default).</summary>
    Refuse,

    /// <summary>Tunnel it blind, audited as metadata; non-public addresses stay refused.</summary>
    Tunnel,
}
