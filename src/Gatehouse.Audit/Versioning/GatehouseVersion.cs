using System.Reflection;

namespace Gatehouse.Audit.Versioning;

/// <summary>The version of this Gatehouse build and the commit it was built from.</summary>
/// <remarks>
/// Every Gatehouse assembly is stamped with the same version, computed from git tags at build time (MinVer, see
/// <c>Directory.Build.props</c>), and the SDK appends the commit as build metadata: <c>0.1.0-alpha.0.322+b2e2c8e...</c>.
/// This is the one reader of that stamp, so that <c>--version</c>, <c>/healthz</c>, the OpenTelemetry resource and SIEM
/// events can never disagree. It lives in the audit library because that is the lowest assembly all of them share.
/// </remarks>
public sealed record GatehouseVersion(string Version, string? Commit)
{
    /// <summary>Gets the version and commit of the running build.</summary>
    public static GatehouseVersion Current { get; } = Parse(
        typeof(GatehouseVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Gets the commit shortened to 12 hex digits, as people quote it, or <c>unknown</c>.</summary>
    public string ShortCommit => Commit is null ? "unknown" : Commit[..Math.Min(12, Commit.Length)];

    /// <summary>Splits an informational version (<c>VERSION[+COMMIT]</c>) into the version and the commit.</summary>
    /// <remarks>Without an informational version (a build outside the repository's props), the version is <c>0.0.0</c>.</remarks>
    public static GatehouseVersion Parse(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return new GatehouseVersion("0.0.0", null);
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return new GatehouseVersion(informationalVersion, null);
        }

        // Build metadata may carry more than the commit (dot-separated identifiers); the commit is the hex one.
        var commit = informationalVersion[(plus + 1)..].Split('.').FirstOrDefault(IsHex);
        return new GatehouseVersion(informationalVersion[..plus], commit);
    }

    /// <summary>Formats the version line of <c>gatehouse --version</c>: <c>gatehouse 0.1.0 (commit 0123456789ab)</c>.</summary>
    public override string ToString() => $"gatehouse {Version} (commit {ShortCommit})";

    private static bool IsHex(string identifier) =>
        identifier.Length >= 7 && identifier.All(char.IsAsciiHexDigit);
}
