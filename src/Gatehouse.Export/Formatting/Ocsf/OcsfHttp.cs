using System.Text.Json;
using Gatehouse.Audit.Records;

namespace Gatehouse.Export.Formatting.Ocsf;

/// <summary>Writes <c>http_request</c> and <c>http_response</c> for an exchange.</summary>
internal static class OcsfHttp
{
    public static void WriteRequest(Utf8JsonWriter writer, ExchangeIntent intent)
    {
        writer.WriteStartObject("http_request");
        writer.WriteString("http_method", intent.Method);
        if (intent.UserAgent is not null)
        {
            writer.WriteString("user_agent", intent.UserAgent);
        }

        writer.WriteStartObject("url");
        var query = intent.Path.IndexOf('?', StringComparison.Ordinal);
        writer.WriteString("path", "/" + intent.Connection + (query < 0 ? intent.Path : intent.Path[..query]));
        writer.WriteEndObject();
        writer.WriteNumber("length", intent.RequestBytes);
        writer.WriteEndObject();
    }

    public static void WriteResponse(Utf8JsonWriter writer, ExchangeOutcome outcome)
    {
        writer.WriteStartObject("http_response");
        writer.WriteNumber("code", outcome.Status);
        writer.WriteNumber("length", outcome.ResponseBytes);
        writer.WriteNumber("latency", (long)outcome.DurationMs);
        writer.WriteEndObject();
    }
}
