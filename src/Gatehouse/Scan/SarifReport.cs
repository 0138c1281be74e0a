using System.Text.Json;
using Gatehouse.Masking;

namespace Gatehouse.Scan;

/// <summary>Writes findings as SARIF 2.1.0, the format code-scanning tools ingest.</summary>
internal static class SarifReport
{
    public static void Write(Stream output, IReadOnlyList<ScanFinding> findings, IReadOnlyList<RuleDescriptor> rules)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "gatehouse");
        json.WriteString("informationUri", "https://gatehouse.dev/docs/detection");
        json.WriteStartArray("rules");
        foreach (var rule in rules.Where(r => findings.Any(f => f.Rule == r.Id)))
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category.ToString().ToLowerInvariant());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var finding in findings)
        {
            WriteResult(json, finding);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ScanFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule);
        json.WriteString("level", finding.Category == "secret" ? "error" : "warning");
        json.WriteStartObject("message");
        var checksum = (finding.Checksum is null ? "" : $"checksum {finding.Checksum}, ") +
            (finding.Placeholder == true ? "a published documentation example, " : "");
        json.WriteString("text", $"A {finding.Category} matching '{finding.Rule}' ({checksum}fingerprint {finding.Fingerprint}).");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", finding.Path == "-" ? "stdin" : finding.Path.Replace('\\', '/'));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("charLength", finding.Length);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("gatehouse/v1", finding.Fingerprint);
        json.WriteEndObject();
        if (finding.Checksum is not null || finding.Placeholder is not null)
        {
            json.WriteStartObject("properties");
            if (finding.Checksum is { } status)
            {
                json.WriteString("checksum", status);
            }

            if (finding.Placeholder is { } placeholder)
            {
                json.WriteBoolean("placeholder", placeholder);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
