namespace Gatehouse.Policy;

/// <summary>An immutable, compiled policy: settings plus ordered rules, produced by <see cref="Loading.PolicyLoader"/>.</summary>
/// <remarks>Reloads build a new document and swap it; an exchange keeps the one it started with.</remarks>
public sealed record PolicyDocument
{
    /// <summary>Gets the argument names read as file paths when no <c>path_arguments</c> key is given.</summary>
    public static IReadOnlyList<string> DefaultPathArguments { get; } = ["path", "file_path", "target_file", "filename"];

    /// <summary>Gets the file or name the policy was loaded from.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the effect for an exchange no rule decides; defaults to <see cref="PolicyEffect.Deny"/>.</summary>
    public PolicyEffect Default { get; init; } = PolicyEffect.Deny;

    /// <summary>Gets the tool-call argument names whose values are file paths, at any depth.</summary>
    public IReadOnlyList<string> PathArguments { get; init; } = DefaultPathArguments;

    /// <summary>Gets the rules in file order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; init; } = [];
}
