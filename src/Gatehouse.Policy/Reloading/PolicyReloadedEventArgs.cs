namespace Gatehouse.Policy.Reloading;

/// <summary>Reports one reload attempt: the new policy, or every error while the previous policy stays in force.</summary>
/// <param name="document">The policy now in force (the new one on success, the previous one otherwise).</param>
/// <param name="errors">Every error of the attempt; empty on success.</param>
public sealed class PolicyReloadedEventArgs(PolicyDocument document, IReadOnlyList<PolicyDiagnostic> errors) : EventArgs
{
    /// <summary>Gets the policy now in force.</summary>
    public PolicyDocument Document { get; } = document;

    /// <summary>Gets every error of the attempt; empty on success.</summary>
    public IReadOnlyList<PolicyDiagnostic> Errors { get; } = errors;

    /// <summary>Gets whether the new file was taken into force.</summary>
    public bool Succeeded => Errors.Count == 0;
}
