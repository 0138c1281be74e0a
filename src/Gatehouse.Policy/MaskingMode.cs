namespace Gatehouse.Policy;

/// <summary>Says how masking treats one direction of an exchange, ordered from the loosest to the strictest.</summary>
public enum MaskingMode
{
    /// <summary>Masking does not run.</summary>
    Off = 0,

    /// <summary>Findings are replaced by placeholders and the exchange continues.</summary>
    Mask = 1,

    /// <summary>Any finding ends the exchange.</summary>
    Block = 2,
}
