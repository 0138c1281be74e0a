using System.Text.Json;
using Gatehouse.Audit.Records;

namespace Gatehouse.Export.Formatting.Ocsf;

/// <summary>Writes an OCSF User object from the audit identity, or from a bare subject when that is all there is.</summary>
internal static class OcsfUser
{
    public static void Write(Utf8JsonWriter writer, string property, AuditIdentity? identity, string? subject)
    {
        writer.WriteStartObject(property);
        if (identity is not null)
        {
            writer.WriteString("uid", identity.Subject);
            writer.WriteString("name", identity.Subject);
            if (identity.Email is not null)
            {
                writer.WriteString("email_addr", identity.Email);
            }

            writer.WriteStartArray("groups");
            foreach (var group in identity.Groups)
            {
                writer.WriteStartObject();
                writer.WriteString("name", group);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteType(writer, identity.Method == "apikey" ? (3, "System") : (1, "User"));
        }
        else if (subject is not null)
        {
            writer.WriteString("uid", subject);
            writer.WriteString("name", subject);
            WriteType(writer, subject.StartsWith("apikey:", StringComparison.Ordinal) ? (3, "System") : (1, "User"));
        }
        else
        {
            writer.WriteString("name", "unknown");
            WriteType(writer, (0, "Unknown"));
        }

        writer.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter writer, (int Id, string Name) type)
    {
        writer.WriteNumber("type_id", type.Id);
        writer.WriteString("type", type.Name);
    }
}
