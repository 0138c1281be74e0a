using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.ResponseHolds;
using Gatehouse.Policy;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.Reloading;
using Gatehouse.Protocols;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Decisions;

/// <summary>
/// The data path's decide stage: evaluates the current policy snapshot on the request (identity, connection, model,
/// masking findings...) and applies what it says: allow, deny, stricter masking, metadata-only audit.
/// </summary>
/// <remarks>
/// <para>Without a policy file the connection allow-lists alone decide, as before. A rule that requires approval of
/// the request marks the exchange as held (the approval gate waits for a reviewer once the intent is recorded).</para>
/// <para>A rule that requires approval with <c>hold: response</c> does not stop the request: the response is judged
/// when it exists. Here, cheaply and before forwarding, the stage asks the same policy snapshot whether any such rule
/// could match this exchange's response (<see cref="PolicyEvaluator.ResponseHoldScope"/>, assuming the response's own
/// tool calls, findings and conditions match); a response-holding rule that already matched the request holds the
/// whole response. If none could, nothing is held or delayed. If one could, the exchange
/// carries a <see cref="ResponseHoldPlan"/> and the response tap holds it (see <c>ResponseHoldStage</c>). Responses
/// the gateway cannot read (opaque HTTP) cannot be held, so such an exchange is refused here with 403
/// <c>response_hold_unavailable</c> (fail closed). On a model connection this goes further: an endpoint no adapter
/// understands may return stored model output (a held response fetched again by id), so it is refused when a rule
/// could hold or deny a response of any API, model or path for this caller on this connection.</para>
/// </remarks>
internal sealed class DecisionStage(PolicyProvider? policy, TimeProvider time) : IDisposable
{
    public void Dispose() => policy?.Dispose();

    public Refusal? Decide(Exchange exchange)
    {
        if (policy is null)
        {
            exchange.Decision = ExchangeDecision.Allow;
            exchange.DecisionReason = exchange.Connection?.Allows(exchange.Caller!.Groups) == false
                ? "just-in-time grant to the connection (no policy file configured)"
                : "connection allow-list (no policy file configured)";
            return null;
        }

        var snapshot = policy.Current;
        var now = time.GetUtcNow();
        var decision = snapshot.Evaluate(PolicyContexts.ForRequest(exchange, now));
        exchange.Coverage |= Coverage.Policy;
        exchange.DecidingRules = [.. decision.Trail.Where(m => m.Applied).Select(m => m.Rule)];
        exchange.DecisionReason = decision.DecidedBy is null ? decision.Reason : $"rule '{decision.DecidedBy}': {decision.Reason}";
        exchange.AuditMetadataOnly = decision.Audit == AuditLevel.Metadata;
        if (decision.Masking.Response is { } responseMode && responseMode > exchange.ResponseMasking)
        {
            exchange.ResponseMasking = responseMode;
        }

        switch (decision.Effect)
        {
            case PolicyEffect.Deny:
                exchange.Decision = ExchangeDecision.Deny;
                return new Refusal(StatusCodes.Status403Forbidden, ExchangeFailureCode.PolicyDenied, "Denied by policy", $"The gateway's policy refused this request: {decision.Reason}.");
            case PolicyEffect.RequireApproval when decision.Approval is { } approval && (approval.Hold == ApprovalHold.Request || exchange.Api == ApiKind.Mcp):
                // An MCP request is itself the tool call, so approval of it always holds the request, whatever hold says.
                // Held after the intent is recorded: the gate waits for a reviewer (ExchangeHandler).
                exchange.Decision = ExchangeDecision.Held;
                exchange.HeldFor = (approval, decision.DecidedBy ?? "policy");
                return PlanResponseHold(exchange, snapshot, decision, now);
        }

        if (decision.Masking.Request == MaskingMode.Block && exchange.RequestFindings.Count > 0)
        {
            exchange.Decision = ExchangeDecision.Deny;
            var rules = string.Join(", ", exchange.RequestFindings.Select(f => f.Rule).Distinct());
            return new Refusal(StatusCodes.Status422UnprocessableEntity, ExchangeFailureCode.RequestBlocked, "Request contains secrets",
                $"The policy refuses requests that contain secrets or personal data ({rules}). Remove them and try again.");
        }

        exchange.Decision = ExchangeDecision.Allow;
        return PlanResponseHold(exchange, snapshot, decision, now);
    }

    /// <summary>
    /// Returns whether the caller may call <paramref name="tool"/> on the exchange's connection: what a filtered MCP
    /// <c>tools/list</c> shows. A tool is hidden only when policy denies calling it whatever its arguments; one that needs
    /// approval, or is denied only for some arguments, stays listed (the call itself is decided).
    /// </summary>
    public bool MayCall(Exchange exchange, string tool)
    {
        if (policy is null)
        {
            return true;
        }

        var context = PolicyContexts.ForRequest(exchange, time.GetUtcNow()) with { ToolCalls = [new PolicyToolCall(tool, "{}")], Model = tool };
        return policy.Current.Evaluate(context).Effect != PolicyEffect.Deny;
    }

    private static Refusal? PlanResponseHold(Exchange exchange, PolicyEvaluator snapshot, PolicyDecision decision, DateTimeOffset now)
    {
        if (exchange.Api == ApiKind.Mcp)
        {
            return PlanMcpResponse(exchange, snapshot, now);
        }

        var matched = snapshot.ResponseHolds(decision);
        var response = PolicyContexts.ForResponse(exchange, now, []);
        var scope = matched.Count > 0 ? ResponseHoldScope.Whole : snapshot.ResponseHoldScope(response);
        if (exchange.Adapter is null && StoredOutputMayBeHeld(exchange, snapshot, response))
        {
            exchange.Decision = ExchangeDecision.Deny;
            return new Refusal(StatusCodes.Status403Forbidden, ExchangeFailureCode.ResponseHoldUnavailable, "Response review unavailable",
                "Policy may require a reviewer's approval of model responses on this connection, and this endpoint can return stored model output (a response or completion fetched by id or listed, batch results, files) that the gateway cannot hold for review, so the request was refused. Use the model API itself, or a connection without such rules.");
        }

        if (scope == ResponseHoldScope.None)
        {
            return null;
        }

        if (exchange.Adapter is null)
        {
            exchange.Decision = ExchangeDecision.Deny;
            return new Refusal(StatusCodes.Status403Forbidden, ExchangeFailureCode.ResponseHoldUnavailable, "Response review unavailable",
                "Policy may require a reviewer's approval of this exchange's response, and the gateway cannot read this API's responses to hold them, so the request was refused. Restrict the rule (for example with api: [chat, responses, messages, completions]) if it should not apply here.");
        }

        exchange.ResponseHold = new ResponseHoldPlan(snapshot, scope, matched);
        return null;
    }

    // MCP is decided on its request (the call); its results are never held. A rule that could hold or deny the whole
    // response is refused here rather than ignored (fail closed); one about tool calls cannot match an MCP result.
    private static Refusal? PlanMcpResponse(Exchange exchange, PolicyEvaluator snapshot, DateTimeOffset now)
    {
        if (exchange.HeldFor is not null || snapshot.ResponseHoldScope(PolicyContexts.ForResponse(exchange, now, [])) != ResponseHoldScope.Whole)
        {
            return null;
        }

        exchange.Decision = ExchangeDecision.Deny;
        return new Refusal(StatusCodes.Status403Forbidden, ExchangeFailureCode.ResponseHoldUnavailable, "Response review unavailable",
            "Policy may require a reviewer's approval of, or deny, this exchange's response, and the gateway decides MCP on the request and does not hold MCP results, so the request was refused. Restrict the rule (for example with api: [chat, responses, messages]) or match the call itself (api: mcp with tool_calls).");
    }

    // A response that a hold refused can be fetched again by id (or listed, or read from a batch): on a model connection,
    // an endpoint no adapter understands is judged as if it returned the output of any of the connection's APIs, models
    // and requests, since the gateway cannot tell which it does. Only endpoints that carry no model output pass.
    private static bool StoredOutputMayBeHeld(Exchange exchange, PolicyEvaluator snapshot, Gatehouse.Policy.Context.PolicyContext response)
        => exchange.Connection is { } connection
            && ProtocolRegistry.IsModelConnection(connection.Config.Kind)
            && !ProtocolRegistry.CarriesNoModelOutput(exchange.Method, exchange.UpstreamPath)
            && snapshot.MayDecideResponsesOfAnyApi(response);
}
