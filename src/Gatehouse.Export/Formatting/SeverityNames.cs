using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting;

/// <summary>The lower-case names of <see cref="ExportSeverity"/> used in native JSON.</summary>
internal static class SeverityNames
{
    public static string Of(ExportSeverity severity) => severity switch
    {
        ExportSeverity.Informational => "informational",
        ExportSeverity.Notice => "notice",
        ExportSeverity.Warning => "warning",
        _ => "error",
    };
}
