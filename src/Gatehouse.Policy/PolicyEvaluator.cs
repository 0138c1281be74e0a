using Gatehouse.Policy.Conditions;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.Evaluation;
using Gatehouse.Policy.Matching;

namespace Gatehouse.Policy;

/// <summary>Decides exchanges against one immutable <see cref="PolicyDocument"/>; safe to share across threads.</summary>
/// <remarks>
/// Every rule is considered in file order, so that the trail shows all rules that matched. A rule matches when its
/// <c>match</c> keys hold and then its <c>when:</c> condition is true. The strictest effect wins (deny over
/// require_approval over allow); the first rule with that effect supplies the reason and the approval parameters.
/// A condition that fails to evaluate is fail-closed: a restrictive rule (see <see cref="PolicyRule.IsRestrictive"/>)
/// applies, any other rule does not. When no rule with an effect matches, the document's default decides.
/// <para>
/// Stages of <see cref="Evaluate"/>: (1) <see cref="MatchIndex"/> turns direction, API and every text key into a bit
/// set of candidate rules with one lookup per context value; (2) candidates are visited in file order and their
/// tool-call constraints checked against tool calls decoded once per evaluation; (3) conditions run on CEL variables
/// built once, on first need; (4) each rule that applies is explained into the trail and folded into the effect,
/// masking and audit level. Everything else (globs, sets, CEL closures) was compiled at load.
/// </para>
/// </remarks>
public sealed class PolicyEvaluator
{
    private const int StackWords = 16;

    private readonly PolicyRule[] _rules;
    private readonly MatchIndex _index;
    private readonly HashSet<string> _pathArguments;
    private readonly Dictionary<string, PolicyRule> _byName;
    private readonly bool _holdsResponses;

    /// <summary>Initializes a new instance that decides with <paramref name="document"/>, indexing its rules once.</summary>
    /// <param name="document">The policy.</param>
    public PolicyEvaluator(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        _rules = [.. document.Rules];
        _index = new MatchIndex(_rules);
        _pathArguments = new HashSet<string>(document.PathArguments, StringComparer.Ordinal);
        _byName = _rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _holdsResponses = _rules.Any(ResponseHoldProbe.DecidesResponse);
    }

    /// <summary>Gets the policy this evaluator decides with.</summary>
    public PolicyDocument Document { get; }

    /// <summary>Decides one exchange in one direction.</summary>
    /// <param name="context">What policy may look at.</param>
    /// <returns>The decision with its trail; never <see langword="null"/>.</returns>
    public PolicyDecision Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = new EvaluationScope(context, _pathArguments);
        List<PolicyRuleMatch>? trail = null;
        PolicyRule? decisive = null;
        var masking = MaskingOverrides.None;
        AuditLevel? audit = null;

        var words = _index.Words;
        Span<ulong> candidates = words <= StackWords ? stackalloc ulong[words] : new ulong[words];
        Span<ulong> scratch = words <= StackWords ? stackalloc ulong[words] : new ulong[words];
        _index.Candidates(context, candidates, scratch);
        for (var index = NextRule(candidates, 0); index >= 0; index = NextRule(candidates, index + 1))
        {
            var rule = _rules[index];
            if (rule.Match.ToolCalls is { } toolCalls && !toolCalls.Matches(scope.ToolCalls, null))
            {
                continue;
            }

            string? conditionError = null;
            if (rule.Condition is not null)
            {
                var outcome = rule.Condition.Evaluate(scope.CelVariables, out conditionError);
                if (outcome == ConditionOutcome.False)
                {
                    continue;
                }
            }

            var applied = conditionError is null || rule.IsRestrictive;
            (trail ??= []).Add(Explain(rule, scope, conditionError, applied));
            if (!applied)
            {
                continue;
            }

            if (rule.Effect is { } effect && (decisive is null || effect > decisive.Effect))
            {
                decisive = rule;
            }

            if (rule.Masking != MaskingOverrides.None)
            {
                masking = masking.CombineStricter(rule.Masking);
            }

            if (rule.Audit is { } level && (audit is null || level > audit))
            {
                audit = level;
            }
        }

        return Decide(decisive, trail, masking, audit);
    }

    /// <summary>
    /// Says, before the response exists, how much of it must be held: a <c>require_approval</c> rule holding the
    /// response, or a <c>deny</c> rule in the response direction, could match it.
    /// </summary>
    /// <param name="context">The exchange as known at request time, with <see cref="PolicyDirection.Response"/>.</param>
    /// <returns><see cref="ResponseHoldScope.None"/> when no such rule could match, so the response need not wait.</returns>
    /// <remarks>Cheap: one index lookup, no condition and no tool call is evaluated (unknowns count as matching).</remarks>
    public ResponseHoldScope ResponseHoldScope(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _holdsResponses ? ResponseHoldProbe.Probe(_rules, _index, context) : Policy.ResponseHoldScope.None;
    }

    /// <summary>
    /// Says whether a rule that holds or denies responses could match a response on the context's connection, for its
    /// caller, whatever its API, model and request path: for endpoints that return stored model output, whose origin
    /// the gateway cannot tell.
    /// </summary>
    /// <param name="context">The exchange as known at request time, with <see cref="PolicyDirection.Response"/>.</param>
    /// <returns>True when such a rule could match, so the stored output could be what a reviewer had to see first.</returns>
    public bool MayDecideResponsesOfAnyApi(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _holdsResponses && ResponseHoldProbe.ProbeAnyApi(_rules, _index, context);
    }

    /// <summary>Gets the rules among <paramref name="decision"/>'s trail that hold the response for review, in file order.</summary>
    /// <param name="decision">A decision made by this evaluator with <see cref="PolicyDirection.Response"/>.</param>
    /// <returns>The applied rules whose effect is <c>require_approval</c> with <c>hold: response</c>; empty when none.</returns>
    public IReadOnlyList<PolicyRule> ResponseHolds(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return [.. decision.Trail.Where(m => m.Applied).Select(m => _byName[m.Rule]).Where(ResponseHoldProbe.HoldsResponse)];
    }

    /// <summary>Returns the first candidate rule at or after <paramref name="from"/>, in file order, or -1.</summary>
    private static int NextRule(ReadOnlySpan<ulong> candidates, int from)
    {
        for (var word = from >> 6; word < candidates.Length; word++)
        {
            var bits = candidates[word];
            if (word == from >> 6)
            {
                bits &= ulong.MaxValue << (from & 63);
            }

            if (bits != 0)
            {
                return (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }
        }

        return -1;
    }

    private PolicyDecision Decide(PolicyRule? decisive, List<PolicyRuleMatch>? trail, MaskingOverrides masking, AuditLevel? audit)
    {
        var effect = decisive?.Effect ?? Document.Default;
        return new PolicyDecision
        {
            Effect = effect,
            Reason = decisive is null ? DefaultReason(effect) : RuleReason(decisive, effect),
            DecidedBy = decisive?.Name,
            Trail = trail is null ? [] : trail,
            Approval = effect == PolicyEffect.RequireApproval ? decisive?.Approval : null,
            Masking = masking,
            Audit = audit,
        };
    }

    private static PolicyRuleMatch Explain(PolicyRule rule, EvaluationScope scope, string? conditionError, bool applied)
    {
        var why = new List<string>();
        rule.Match.Matches(scope, why);
        if (rule.Condition is not null)
        {
            why.Add(conditionError is null
                ? $"when: {rule.Condition.Expression}"
                : $"when: evaluation failed ({conditionError}); rule {(applied ? "applied" : "skipped")} fail-closed");
        }

        return new PolicyRuleMatch(rule.Name, rule.Line, rule.Effect, applied, why);
    }

    private static string DefaultReason(PolicyEffect effect) => effect switch
    {
        PolicyEffect.Allow => "no rule matched; allowed by the policy default",
        _ => "no rule matched; denied by the policy default",
    };

    private static string RuleReason(PolicyRule rule, PolicyEffect effect) => rule.Reason ?? effect switch
    {
        PolicyEffect.Allow => $"allowed by policy rule '{rule.Name}'",
        PolicyEffect.RequireApproval => $"approval required by policy rule '{rule.Name}'",
        _ => $"denied by policy rule '{rule.Name}'",
    };
}
