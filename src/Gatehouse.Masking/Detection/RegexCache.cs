using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// Compiles each distinct pattern once per process: building an engine after a configuration reload must not pay for
/// compiling the built-in rules again.
/// </summary>
internal static class RegexCache
{
    private const RegexOptions Options =
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    public static Regex Get(string pattern) =>
        Compiled.GetOrAdd(pattern, static p => new Regex(p, Options, TimeSpan.FromSeconds(1)));
}
