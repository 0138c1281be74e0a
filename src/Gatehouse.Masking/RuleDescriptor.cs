namespace Gatehouse.Masking;

/// <summary>Describes one active rule (for listings and documentation); carries no pattern or value.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Category">The rule's category.</param>
/// <param name="Description">What the rule finds.</param>
public sealed record RuleDescriptor(string Id, RuleCategory Category, string Description);
