using Gatehouse.Policy.Loading;

namespace Gatehouse.Policy.Checking;

/// <summary>Checks a policy file without running it: the library side of <c>gatehouse policy lint FILE</c>.</summary>
public static class PolicyLinter
{
    /// <summary>Lints a policy file.</summary>
    /// <param name="path">The file to check.</param>
    /// <returns>Every problem, in file order; empty when the file is valid.</returns>
    public static IReadOnlyList<PolicyDiagnostic> LintFile(string path) => PolicyLoader.LoadFile(path).Errors;

    /// <summary>Lints policy text.</summary>
    /// <param name="yaml">The policy's content.</param>
    /// <param name="source">The name diagnostics carry.</param>
    /// <returns>Every problem, in file order; empty when the policy is valid.</returns>
    public static IReadOnlyList<PolicyDiagnostic> Lint(string yaml, string source) => PolicyLoader.Load(yaml, source).Errors;
}
