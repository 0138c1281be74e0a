using System.Text.RegularExpressions;

namespace Gatehouse.Gateway.Configuration.Connections;

/// <summary>What a connection may be called: it is the first path segment of the gateway's URLs.</summary>
internal static partial class ConnectionNames
{
    public const string Rule = "must be 1-63 characters of a-z, 0-9, '-' or '_', starting with a letter or digit";

    private static readonly HashSet<string> Reserved =
        new(["api", "healthz", "readyz", "metrics", "dev-issuer", "_gatehouse", "console"], StringComparer.OrdinalIgnoreCase);

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>Returns whether the gateway's own routes use the name.</summary>
    public static bool IsReserved(string name) => Reserved.Contains(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex Pattern();
}
