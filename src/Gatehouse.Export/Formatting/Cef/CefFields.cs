using System.Globalization;

namespace Gatehouse.Export.Formatting.Cef;

/// <summary>Writes the kind-specific CEF extensions of a decoded entry.</summary>
internal static class CefFields
{
    public static void Write(CefExtensions ext, DecodedEntry decoded, bool includeBodies)
    {
        if (decoded.Intent is { } intent)
        {
            ext.Add("suser", intent.Identity.Subject);
            Source(ext, intent.ClientAddress);
            ext.Add("requestMethod", intent.Method);
            ext.Add("request", "/" + intent.Connection + intent.Path);
            ext.Add("requestClientApplication", intent.UserAgent);
            ext.Add("act", intent.Decision);
            ext.Add("outcome", intent.Decision == "allow" ? "success" : "failure");
            ext.Add("reason", intent.DecisionReason);
            ext.Custom("cs1", "connection", intent.Connection);
            ext.Custom("cs2", "model", intent.Model);
            ext.Custom("cs3", "rules", intent.Rules.Count == 0 ? null : string.Join(',', intent.Rules));
            ext.Custom("cs4", "findingCategories", Categories(intent.Findings));
        }
        else if (decoded.Outcome is { } outcome)
        {
            ext.Custom("cn1", "status", outcome.Status.ToString(CultureInfo.InvariantCulture));
            ext.Add("outcome", outcome.Failure is null && outcome.Status is > 0 and < 400 ? "success" : "failure");
            ext.Add("reason", outcome.Failure);
            ext.Custom("cs2", "model", outcome.Model);
            ext.Custom("cs4", "findingCategories", Categories(outcome.Findings));
            ext.Custom("cs3", "toolCalls", outcome.ToolCalls.Count == 0 ? null
                : string.Join(',', outcome.ToolCalls.Select(c => includeBodies ? $"{c.Name}({c.Arguments})" : c.Name)));
        }
        else if (decoded.SignIn is { } signIn)
        {
            Source(ext, signIn.ClientAddress);
            ext.Add("requestMethod", signIn.Method);
            ext.Add("requestClientApplication", signIn.UserAgent);
            ext.Add("outcome", "failure");
            ext.Add("reason", signIn.Code);
            ext.Custom("cn1", "status", signIn.Status.ToString(CultureInfo.InvariantCulture));
            ext.Custom("cs1", "connection", signIn.Connection);
        }
        else if (decoded.Review is { } review)
        {
            ext.Add("suser", review.Requester);
            ext.Add("duser", review.Reviewer);
            ext.Add("act", review.Action);
            ext.Add("outcome", review.Decision);
            ext.Custom("cs1", "connection", review.Connection);
            ext.Custom("cs5", review.Target + "Id", review.Id);
        }
    }

    private static void Source(CefExtensions ext, string? address)
    {
        if (address is not null && System.Net.IPAddress.TryParse(address, out _))
        {
            ext.Add("src", address);
        }
        else
        {
            ext.Add("shost", address);
        }
    }

    private static string? Categories(IReadOnlyList<Audit.Records.AuditFinding> findings) =>
        findings.Count == 0 ? null : string.Join(',', findings.Select(f => f.Category).Distinct(StringComparer.Ordinal));
}
