using Gatehouse.Policy;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>What the decide stage learned about the response before it exists: the policy snapshot and how much it may hold.</summary>
/// <param name="Policy">The snapshot the request was decided with; the response is judged by the same one.</param>
/// <param name="Scope">How much of the response to hold: from the first tool call, or all of it.</param>
/// <param name="RequestHolds">
/// Rules holding the response that already matched the request (for example with <c>direction: request</c>): they hold
/// whatever the response says, so they count when it is judged even if they cannot match its direction.
/// </param>
internal sealed record ResponseHoldPlan(PolicyEvaluator Policy, ResponseHoldScope Scope, IReadOnlyList<PolicyRule> RequestHolds);
