using Gatehouse.Policy.Matching;

namespace Gatehouse.Policy.Loading;

/// <summary>A compiled <c>match</c>, plus whether it looks at responses (which makes response the default hold).</summary>
internal sealed record ReadMatch(RuleMatch Match, bool HoldsResponse);
