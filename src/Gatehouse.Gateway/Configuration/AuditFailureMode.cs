namespace Gatehouse.Gateway.Configuration;

/// <summary>What the gateway does when the audit cannot be written.</summary>
public enum AuditFailureMode
{
    /// <summary>Refuse the request with 503; the upstream is never called. The default.</summary>
    Closed,

    /// <summary>Forward anyway, and record that the audit was skipped once the store is back.</summary>
    Open,
}
