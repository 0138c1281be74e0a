namespace Gatehouse.Policy.Reloading;

/// <summary>Thrown at start-up when the policy file is invalid; the message lists every error with line and column.</summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Initializes a new instance listing <paramref name="errors"/>.</summary>
    /// <param name="errors">Every error of the load.</param>
    public PolicyLoadException(IReadOnlyList<PolicyDiagnostic> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets every error of the load.</summary>
    public IReadOnlyList<PolicyDiagnostic> Errors { get; }

    private static string Format(IReadOnlyList<PolicyDiagnostic> errors) =>
        $"policy has {errors.Count} error{(errors.Count == 1 ? "" : "s")}{Environment.NewLine}  "
        + string.Join(Environment.NewLine + "  ", errors);
}
