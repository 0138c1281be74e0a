namespace Gatehouse.Gateway.Configuration;

/// <summary>What a connection does with secrets and PII found in one direction.</summary>
public enum MaskingMode
{
    /// <summary>Replace each finding with its redaction and carry on. The default.</summary>
    Mask,

    /// <summary>Refuse the exchange (request) or end the stream (response) at the first finding.</summary>
    Block,

    /// <summary>Do not inspect; recorded as such in each exchange's coverage.</summary>
    Off,
}
