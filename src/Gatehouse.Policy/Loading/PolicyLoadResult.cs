namespace Gatehouse.Policy.Loading;

/// <summary>The outcome of loading a policy: a document, or every error found.</summary>
public sealed record PolicyLoadResult
{
    /// <summary>Gets the loaded policy, or <see langword="null"/> when <see cref="Errors"/> is not empty.</summary>
    public PolicyDocument? Document { get; init; }

    /// <summary>Gets every error, in file order.</summary>
    public IReadOnlyList<PolicyDiagnostic> Errors { get; init; } = [];

    /// <summary>Gets whether the policy loaded.</summary>
    public bool Succeeded => Document is not null;
}
