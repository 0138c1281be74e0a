using System.Text;

namespace Gatehouse.Policy.Checking;

/// <summary>Renders a decision and its trail as the text <c>gatehouse policy test</c> prints.</summary>
public static class PolicyDecisionFormatter
{
    /// <summary>Formats <paramref name="decision"/>: effect, deciding rule, reason, approval, overrides, then the trail.</summary>
    /// <param name="decision">The decision to render.</param>
    /// <returns>Multi-line text ending with a newline.</returns>
    public static string Format(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var text = new StringBuilder();
        var by = decision.DecidedBy is null ? "the policy default" : $"rule '{decision.DecidedBy}'";
        Line(text, $"decision: {PolicyNames.Effect(decision.Effect)} (by {by})");
        Line(text, $"reason: {decision.Reason}");
        if (decision.Approval is { } approval)
        {
            Line(text, $"approval: {approval.Approvals} of groups [{string.Join(", ", approval.ReviewerGroups)}] users [{string.Join(", ", approval.ReviewerUsers)}]; "
                + $"deny threshold {approval.DenyThreshold}; hold {PolicyNames.Hold(approval.Hold)}; "
                + $"wait {approval.Wait}; timeout {approval.Timeout}; expiry {approval.Expiry}");
        }

        if (decision.Masking.Request is not null || decision.Masking.Response is not null)
        {
            Line(text, $"masking: request {Mode(decision.Masking.Request)}, response {Mode(decision.Masking.Response)}");
        }

        if (decision.Audit is { } audit)
        {
            Line(text, $"audit: {PolicyNames.Audit(audit)}");
        }

        Line(text, decision.Trail.Count == 0 ? "trail: no rule matched" : "trail:");
        foreach (var entry in decision.Trail)
        {
            var effect = entry.Effect is { } e ? PolicyNames.Effect(e) : "adjusts masking/audit";
            Line(text, $"  - {entry.Rule} (line {entry.Line}): {effect}{(entry.Applied ? "" : " [skipped]")}");
            foreach (var reason in entry.Reasons)
            {
                Line(text, $"      {reason}");
            }
        }

        return text.ToString();
    }

    private static string Mode(MaskingMode? mode) => mode is { } set ? PolicyNames.Masking(set) : "unchanged";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
