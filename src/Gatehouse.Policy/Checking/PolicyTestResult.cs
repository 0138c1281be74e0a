namespace Gatehouse.Policy.Checking;

/// <summary>The outcome of <see cref="PolicyTester"/>: a decision, or the problems that prevented one.</summary>
public sealed record PolicyTestResult
{
    /// <summary>Gets the decision, or <see langword="null"/> when the policy or the sample is invalid.</summary>
    public PolicyDecision? Decision { get; init; }

    /// <summary>Gets the policy's errors with line and column.</summary>
    public IReadOnlyList<PolicyDiagnostic> PolicyErrors { get; init; } = [];

    /// <summary>Gets the sample's errors, each naming the offending field.</summary>
    public IReadOnlyList<string> SampleErrors { get; init; } = [];
}
