namespace Gatehouse.Export.Transports;

/// <summary>How serious an exported event is; transports map it to their own scale (syslog, OTLP severity number).</summary>
public enum ExportSeverity
{
    /// <summary>Routine activity: an allowed exchange, a review.</summary>
    Informational,

    /// <summary>Worth a look: a denial, a finding, an interrupted exchange.</summary>
    Notice,

    /// <summary>A refusal a person should see: a failed sign-in, a failed delivery.</summary>
    Warning,

    /// <summary>Something is broken: the gateway could not audit or decide.</summary>
    Error,
}
