namespace Gatehouse.Gateway.Exchanges;

/// <summary>Stable names of the coverage flags, as written in the audit record.</summary>
internal static class CoverageNames
{
    private static readonly (Coverage Flag, string Name)[] Names =
    [
        (Coverage.Identity, "identity"),
        (Coverage.Authorization, "authorization"),
        (Coverage.Protocol, "protocol"),
        (Coverage.Policy, "policy"),
        (Coverage.MaskRequest, "masking.request"),
        (Coverage.MaskResponse, "masking.response"),
        (Coverage.AuditIntent, "audit.intent"),
        (Coverage.Forwarded, "forwarded"),
        (Coverage.ResponseParsed, "response.parsed"),
    ];

    public static IReadOnlyList<string> Of(Coverage coverage)
        => [.. Names.Where(n => coverage.HasFlag(n.Flag)).Select(n => n.Name)];
}
