using System.Text.Json;
using Gatehouse.Audit.Records;

namespace Gatehouse.Export.Formatting.Ocsf;

/// <summary>Writes a sign-in failure as OCSF Authentication (3002), activity Logon (1), status Failure.</summary>
/// <remarks>
/// The credential did not identify anyone, so <c>user</c> (required by the class) is the Unknown user; the failure
/// code goes to <c>status_detail</c>. Nothing of the token or key is exported.
/// </remarks>
internal static class OcsfAuthentication
{
    private const int Logon = 1;

    public static void Write(Utf8JsonWriter writer, DecodedEntry decoded, SignInFailure failure, string productVersion)
    {
        OcsfHeader.Write(writer, OcsfClass.Authentication, Logon, "Logon", decoded, succeeded: false, productVersion);
        writer.WriteString("status_code", failure.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("status_detail", failure.Code);
        writer.WriteString("message", EventMessages.Of(decoded));
        OcsfUser.Write(writer, "user", null, null);
        OcsfHeader.WriteSourceEndpoint(writer, failure.ClientAddress);
        writer.WriteStartObject("service");
        writer.WriteString("name", failure.Connection ?? "gatehouse");
        writer.WriteEndObject();
        if (failure.Method is not null || failure.UserAgent is not null)
        {
            writer.WriteStartObject("http_request");
            if (failure.Method is not null)
            {
                writer.WriteString("http_method", failure.Method);
            }

            if (failure.UserAgent is not null)
            {
                writer.WriteString("user_agent", failure.UserAgent);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("unmapped");
        writer.WriteStartObject("gatehouse");
        writer.WriteString("kind", decoded.Entry.Kind);
        writer.WriteString("hash", Convert.ToHexStringLower(decoded.Entry.Hash));
        writer.WriteString("request_id", failure.RequestId);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
