using System.Text.Json;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Formatting.Ocsf;

/// <summary>Writes the attributes every OCSF event carries: classification, time, severity, status and metadata.</summary>
internal static class OcsfHeader
{
    public const string SchemaVersion = "1.3.0";

    public static void Write(
        Utf8JsonWriter writer, OcsfClass ocsfClass, int activityId, string activityName, DecodedEntry decoded, bool? succeeded, string productVersion)
    {
        var entry = decoded.Entry;
        writer.WriteNumber("class_uid", ocsfClass.Uid);
        writer.WriteString("class_name", ocsfClass.Name);
        writer.WriteNumber("category_uid", ocsfClass.CategoryUid);
        writer.WriteString("category_name", ocsfClass.CategoryName);
        writer.WriteNumber("activity_id", activityId);
        writer.WriteString("activity_name", activityName);
        writer.WriteNumber("type_uid", (ocsfClass.Uid * 100L) + activityId);
        writer.WriteString("type_name", $"{ocsfClass.Name}: {activityName}");
        writer.WriteNumber("time", entry.Time.ToUnixTimeMilliseconds());
        var (severityId, severityName) = Severity(decoded.Severity);
        writer.WriteNumber("severity_id", severityId);
        writer.WriteString("severity", severityName);
        var (statusId, statusName) = succeeded switch { true => (1, "Success"), false => (2, "Failure"), null => (0, "Unknown") };
        writer.WriteNumber("status_id", statusId);
        writer.WriteString("status", statusName);

        writer.WriteStartObject("metadata");
        writer.WriteString("version", SchemaVersion);
        writer.WriteString("uid", entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteNumber("sequence", entry.Sequence);
        writer.WriteString("correlation_uid", entry.ExchangeId);
        writer.WriteString("event_code", entry.Kind);
        writer.WriteString("log_name", "audit");
        writer.WriteStartObject("product");
        writer.WriteString("name", "Gatehouse");
        writer.WriteString("vendor_name", "Gatehouse");
        writer.WriteString("version", productVersion);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Maps the export severity to OCSF's severity_id (1 Informational, 2 Low, 3 Medium, 4 High).</summary>
    public static (int Id, string Name) Severity(ExportSeverity severity) => severity switch
    {
        ExportSeverity.Informational => (1, "Informational"),
        ExportSeverity.Notice => (2, "Low"),
        ExportSeverity.Warning => (3, "Medium"),
        _ => (4, "High"),
    };

    /// <summary>Writes <c>src_endpoint</c>: the address as <c>ip</c> when it parses as one.</summary>
    public static void WriteSourceEndpoint(Utf8JsonWriter writer, string? clientAddress)
    {
        writer.WriteStartObject("src_endpoint");
        if (clientAddress is not null && System.Net.IPAddress.TryParse(clientAddress, out var ip))
        {
            writer.WriteString("ip", ip.ToString());
        }
        else if (clientAddress is not null)
        {
            writer.WriteString("name", clientAddress);
        }

        writer.WriteEndObject();
    }
}
