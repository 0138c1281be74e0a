namespace Gatehouse.Policy;

/// <summary>Says how much of an exchange the audit trail records.</summary>
public enum AuditLevel
{
    /// <summary>Identity, route, decision, sizes and findings, without bodies.</summary>
    Metadata = 0,

    /// <summary>Everything in <see cref="Metadata"/> plus the (masked) bodies. The gateway's default.</summary>
    Full = 1,
}
