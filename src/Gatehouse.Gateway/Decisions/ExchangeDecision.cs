namespace Gatehouse.Gateway.Decisions;

/// <summary>What the gateway decided for an exchange's request; written as its stable name only in the audit record and telemetry.</summary>
internal enum ExchangeDecision
{
    /// <summary>Forwarded (<c>allow</c>).</summary>
    Allow,

    /// <summary>Refused, by policy or by the gateway (<c>deny</c>).</summary>
    Deny,

    /// <summary>Held for a reviewer's approval before forwarding (<c>held</c>).</summary>
    Held,
}
