using Gatehouse.Policy;

namespace Gatehouse.Gateway.Configuration;

/// <summary>A connection's masking: per direction, and what to do with a response the gateway cannot read.</summary>
public sealed record ConnectionMaskingConfig
{
    /// <summary>Gets what happens to prompts before the upstream sees them; the default is mask.</summary>
    public MaskingMode Request { get; init; } = MaskingMode.Mask;

    /// <summary>Gets what happens to responses before the client sees them; the default is mask.</summary>
    public MaskingMode Response { get; init; } = MaskingMode.Mask;

    /// <summary>
    /// Gets a value indicating whether a response the adapter cannot read (an unknown event shape, a compressed body)
    /// ends the exchange instead of passing unmasked; the default is true (fail closed).
    /// </summary>
    public bool FailClosed { get; init; } = true;
}
