using System.Text.Json;
using Gatehouse.Masking;

namespace Gatehouse.Scan;

/// <summary>Writes scan findings in the chosen format.</summary>
internal static class ScanOutput
{
    public static async Task WriteAsync(TextWriter writer, string format, IReadOnlyList<ScanFinding> findings, IReadOnlyList<RuleDescriptor> rules)
    {
        switch (format)
        {
            case "sarif":
                using (var buffer = new MemoryStream())
                {
                    SarifReport.Write(buffer, findings, rules);
                    await writer.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }

                break;
            case "json":
                await writer.WriteLineAsync(JsonSerializer.Serialize(findings, ScanJsonContext.Default.IReadOnlyListScanFinding));
                break;
            default:
                foreach (var f in findings)
                {
                    var checksum = f.Checksum is null ? "" : $", checksum {f.Checksum}";
                    var placeholder = f.Placeholder == true ? ", placeholder" : "";
                    await writer.WriteLineAsync($"{f.Path}:{f.Line}:{f.Column}: {f.Rule} ({f.Category}, {f.Length} chars{checksum}{placeholder}, fingerprint {f.Fingerprint})");
                }

                await writer.WriteLineAsync(findings.Count == 0 ? "gatehouse: nothing found" : $"gatehouse: {findings.Count} finding(s)");
                break;
        }
    }
}
