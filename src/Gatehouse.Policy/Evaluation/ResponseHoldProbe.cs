using Gatehouse.Policy.Matching;

namespace Gatehouse.Policy.Evaluation;

/// <summary>Finds, before the response exists, the rules that could hold it for review or deny it.</summary>
/// <remarks>
/// What the response itself carries is unknown at request time: its tool calls, its masking findings, and the value
/// of any <c>when:</c> condition (which may read either). A rule is therefore a candidate when everything else in its
/// <c>match</c> holds; those unknowns are assumed to match, so the probe errs on holding (fail closed). A rule with a
/// <c>tool_calls</c> key can only match a response that has a tool call, so text before the first one may flow.
/// </remarks>
internal static class ResponseHoldProbe
{
    public static ResponseHoldScope Probe(IReadOnlyList<PolicyRule> rules, MatchIndex index, Context.PolicyContext context)
    {
        var candidates = new ulong[index.Words];
        var scratch = new ulong[index.Words];
        index.Candidates(context, candidates, scratch, ignoreFindings: true);
        var scope = ResponseHoldScope.None;
        for (var i = 0; i < rules.Count; i++)
        {
            if (!RuleBits.IsSet(candidates, i) || !DecidesResponse(rules[i]))
            {
                continue;
            }

            if (rules[i].Match.ToolCalls is null)
            {
                return ResponseHoldScope.Whole;
            }

            scope = ResponseHoldScope.ToolCalls;
        }

        return scope;
    }

    /// <summary>
    /// Whether a rule that decides responses could match a response of any API, model and path on the context's
    /// connection, for its caller: what an endpoint returning stored model output (fetched by id, listed, in a batch)
    /// may carry, when the gateway cannot tell which API, model or request produced it.
    /// </summary>
    public static bool ProbeAnyApi(IReadOnlyList<PolicyRule> rules, MatchIndex index, Context.PolicyContext context)
    {
        var candidates = new ulong[index.Words];
        var scratch = new ulong[index.Words];
        foreach (var api in Enum.GetValues<PolicyApi>())
        {
            index.Candidates(context with { Api = api }, candidates, scratch, ignoreFindings: true, ignoreModelAndPath: true);
            for (var i = 0; i < rules.Count; i++)
            {
                if (RuleBits.IsSet(candidates, i) && DecidesResponse(rules[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool HoldsResponse(PolicyRule rule)
        => rule.Effect == PolicyEffect.RequireApproval && rule.Approval?.Hold == ApprovalHold.Response;

    /// <summary>Whether the rule can only be decided on the response: it holds it, or it denies in the response direction.</summary>
    /// <remarks>A deny rule without a direction already refused the request if it could match; one that names the
    /// response waits for what the model answered, so that answer must be held until it is judged.</remarks>
    public static bool DecidesResponse(PolicyRule rule)
        => HoldsResponse(rule) || (rule.Effect == PolicyEffect.Deny && rule.Match.Direction == PolicyDirection.Response);
}
