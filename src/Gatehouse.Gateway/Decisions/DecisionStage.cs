using Gatehouse.Gateway.Exchanges;
using Gatehouse.Policy;
using Gatehouse.Policy.Reloading;
using Microsoft.AspNetCore.Http;
using GatewayMaskingMode = Gatehouse.Gateway.Configuration.MaskingMode;

namespace Gatehouse.Gateway.Decisions;

/// <summary>
/// The data path's decide stage: evaluates the current policy snapshot on the request (identity, connection, model,
/// masking findings...) and applies what it says: allow, deny, stricter masking, metadata-only audit.
/// </summary>
/// <remarks>
/// Without a policy file the connection allow-lists alone decide, as before. A rule that requires approval of the
/// request marks the exchange as held (the approval gate waits for a reviewer once the intent is recorded); one that
/// holds the response refuses for now (fail closed): holding responses is not available yet, and letting them through
/// unreviewed would defeat the rule.
/// </remarks>
internal sealed class DecisionStage(PolicyProvider? policy, TimeProvider time) : IDisposable
{
    public void Dispose() => policy?.Dispose();

    public Refusal? Decide(Exchange exchange)
    {
        if (policy is null)
        {
            exchange.Decision = "allow";
            exchange.DecisionReason = exchange.Connection?.Allows(exchange.Caller!.Groups) == false
                ? "just-in-time grant to the connection (no policy file configured)"
                : "connection allow-list (no policy file configured)";
            return null;
        }

        var decision = policy.Current.Evaluate(PolicyContexts.ForRequest(exchange, time.GetUtcNow()));
        exchange.Coverage |= Coverage.Policy;
        exchange.DecidingRules = [.. decision.Trail.Where(m => m.Applied).Select(m => m.Rule)];
        exchange.DecisionReason = decision.DecidedBy is null ? decision.Reason : $"rule '{decision.DecidedBy}': {decision.Reason}";
        exchange.AuditMetadataOnly = decision.Audit == AuditLevel.Metadata;
        if (decision.Masking.Response is { } responseMode && Stricter(responseMode) > exchange.ResponseMasking)
        {
            exchange.ResponseMasking = Stricter(responseMode);
        }

        switch (decision.Effect)
        {
            case PolicyEffect.Deny:
                exchange.Decision = "deny";
                return new Refusal(StatusCodes.Status403Forbidden, "policy_denied", "Denied by policy", $"The gateway's policy refused this request: {decision.Reason}.");
            case PolicyEffect.RequireApproval when decision.Approval is { Hold: ApprovalHold.Request } approval:
                // Held after the intent is recorded: the gate waits for a reviewer (ExchangeHandler).
                exchange.Decision = "held";
                exchange.HeldFor = (approval, decision.DecidedBy ?? "policy");
                return null;
            case PolicyEffect.RequireApproval:
                exchange.Decision = "approval_required";
                return new Refusal(StatusCodes.Status403Forbidden, "approval_required", "Approval required",
                    $"This exchange needs a reviewer's approval of the model's response ({decision.Reason}), and this gateway cannot hold responses for review yet, so it was refused.");
        }

        if (decision.Masking.Request == Gatehouse.Policy.MaskingMode.Block && exchange.RequestFindings.Count > 0)
        {
            exchange.Decision = "deny";
            var rules = string.Join(", ", exchange.RequestFindings.Select(f => f.Rule).Distinct());
            return new Refusal(StatusCodes.Status422UnprocessableEntity, "request_blocked", "Request contains secrets",
                $"The policy refuses requests that contain secrets or personal data ({rules}). Remove them and try again.");
        }

        exchange.Decision = "allow";
        return null;
    }

    private static GatewayMaskingMode Stricter(Gatehouse.Policy.MaskingMode mode) => mode switch
    {
        Gatehouse.Policy.MaskingMode.Block => GatewayMaskingMode.Block,
        Gatehouse.Policy.MaskingMode.Mask => GatewayMaskingMode.Mask,
        _ => GatewayMaskingMode.Off,
    };
}
