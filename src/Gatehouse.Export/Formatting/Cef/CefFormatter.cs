using System.Globalization;
using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting.Cef;

/// <summary>
/// Formats entries as CEF: <c>CEF:0|Gatehouse|Gatehouse|version|kind|name|severity|extensions</c>. See
/// docs/designs/export.md for which extension keys carry what.
/// </summary>
internal sealed class CefFormatter(bool includeBodies, string productVersion) : IExportFormatter
{
    public ExportEvent Format(AuditEntry entry)
    {
        var decoded = EntryDecoder.Decode(entry, includeBodies);
        var line = new StringBuilder(512);
        line.Append("CEF:0|Gatehouse|Gatehouse|");
        CefEscaping.AppendHeader(line, productVersion);
        line.Append('|');
        CefEscaping.AppendHeader(line, entry.Kind);
        line.Append('|');
        CefEscaping.AppendHeader(line, EventMessages.Of(decoded));
        line.Append('|').Append(Severity(decoded.Severity).ToString(CultureInfo.InvariantCulture)).Append('|');

        var ext = new CefExtensions(line);
        ext.Add("rt", entry.Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        ext.Add("externalId", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        ext.Custom("cs6", "exchangeId", entry.ExchangeId);
        ext.Custom("flexString1", "hash", Convert.ToHexStringLower(entry.Hash));
        CefFields.Write(ext, decoded, includeBodies);
        if (decoded.BodyText is { } body)
        {
            ext.Add("msg", body);
        }

        return new ExportEvent(entry.Sequence, entry.Time, entry.Kind, decoded.Severity, Encoding.UTF8.GetBytes(line.ToString()), IsJson: false);
    }

    /// <summary>Maps the export severity to CEF's 0-10 scale (3 low, 5 medium, 7 high, 9 very high).</summary>
    public static int Severity(ExportSeverity severity) => severity switch
    {
        ExportSeverity.Informational => 3,
        ExportSeverity.Notice => 5,
        ExportSeverity.Warning => 7,
        _ => 9,
    };
}
