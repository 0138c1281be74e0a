namespace Gatehouse.Policy;

/// <summary>One entry of a decision trail: a rule that matched, and why.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Line">The rule's 1-based line in the policy file.</param>
/// <param name="Effect">The rule's effect, or <see langword="null"/> for a masking- or audit-only rule.</param>
/// <param name="Applied">Whether the rule took part in the decision; <see langword="false"/> only for a rule whose
/// condition failed to evaluate and that was skipped fail-closed.</param>
/// <param name="Reasons">One line per match key or condition that held, for example <c>groups: 'dev' matches 'dev'</c>.</param>
public sealed record PolicyRuleMatch(string Rule, int Line, PolicyEffect? Effect, bool Applied, IReadOnlyList<string> Reasons);
