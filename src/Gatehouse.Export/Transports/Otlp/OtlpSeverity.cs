namespace Gatehouse.Export.Transports.Otlp;

/// <summary>Maps export severities to OpenTelemetry's SeverityNumber and short names (logs data model).</summary>
/// <remarks>Notice has no OpenTelemetry name; it is INFO2, the step above INFO, as the data model suggests for syslog's notice.</remarks>
internal static class OtlpSeverity
{
    public static int Number(ExportSeverity severity) => severity switch
    {
        ExportSeverity.Error => 17,
        ExportSeverity.Warning => 13,
        ExportSeverity.Notice => 10,
        _ => 9,
    };

    public static string Text(ExportSeverity severity) => severity switch
    {
        ExportSeverity.Error => "ERROR",
        ExportSeverity.Warning => "WARN",
        ExportSeverity.Notice => "INFO2",
        _ => "INFO",
    };
}
