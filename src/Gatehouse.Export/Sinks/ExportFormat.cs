namespace Gatehouse.Export.Sinks;

/// <summary>How a sink formats audit entries.</summary>
public enum ExportFormat
{
    /// <summary>Gatehouse's own JSON: the entry's canonical metadata with its sequence and chain hashes.</summary>
    Json,

    /// <summary>OCSF 1.3 JSON: API Activity (6003) for exchanges and approvals, Authentication (3002) for sign-in failures.</summary>
    Ocsf,

    /// <summary>ArcSight Common Event Format, one line per event, for syslog collectors.</summary>
    Cef,
}
