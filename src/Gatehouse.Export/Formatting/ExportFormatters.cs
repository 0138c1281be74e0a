using Gatehouse.Audit.Versioning;
using Gatehouse.Export.Formatting.Cef;
using Gatehouse.Export.Formatting.Ocsf;
using Gatehouse.Export.Sinks;

namespace Gatehouse.Export.Formatting;

/// <summary>Creates the formatter of a sink's format.</summary>
internal static class ExportFormatters
{
    /// <summary>Gets the product version stamped into OCSF metadata and the CEF header.</summary>
    public static string ProductVersion => GatehouseVersion.Current.Version;

    public static IExportFormatter Create(ExportFormat format, bool includeBodies) => format switch
    {
        ExportFormat.Json => new NativeJsonFormatter(includeBodies),
        ExportFormat.Ocsf => new OcsfFormatter(includeBodies, ProductVersion),
        ExportFormat.Cef => new CefFormatter(includeBodies, ProductVersion),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
    };
}
