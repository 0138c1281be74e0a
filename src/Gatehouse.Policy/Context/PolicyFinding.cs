namespace Gatehouse.Policy.Context;

/// <summary>Describes one masking finding (CEL: an element of <c>findings</c>); never the matched text.</summary>
/// <param name="Rule">The masking rule id, for example <c>aws-access-key</c>.</param>
/// <param name="Category">The rule's category, for example <c>cloud-credential</c>.</param>
/// <param name="Direction">The direction the finding was made in.</param>
public sealed record PolicyFinding(string Rule, string Category, PolicyDirection Direction);
