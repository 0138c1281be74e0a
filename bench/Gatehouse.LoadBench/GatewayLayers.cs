namespace Gatehouse.LoadBench;

/// <summary>How much of Gatehouse a run switches on, layer upon layer; identification (an API key) is always on.</summary>
internal enum GatewayLayers
{
    /// <summary>API-key identification and the durable audit, masking off, no policy file.</summary>
    Audit,

    /// <summary>And masking of requests and responses (the default detectors).</summary>
    Masking,

    /// <summary>And a policy file of 24 rules, CEL conditions among them: everything on, as deployed.</summary>
    Policy,
}
