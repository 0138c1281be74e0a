using System.Text.RegularExpressions;

namespace Gatehouse.Testing;

/// <summary>
/// The checkout the tests run from, and its C# sources: the one way tests find the repository and scan its code
/// (architecture tests, and tests that read the source as a corpus).
/// </summary>
internal static class SourceTree
{
    /// <summary>Gets the checkout's root: the nearest folder above the test's binaries that holds <c>Gatehouse.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The <c>.cs</c> files under <paramref name="folder"/> (relative to the root, e.g. <c>src</c>), in a stable order,
    /// leaving out build output (<c>bin</c>, <c>obj</c>). Paths are relative to the root, with forward slashes.
    /// </summary>
    public static IEnumerable<string> CSharpFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Every line of the <c>.cs</c> files under <paramref name="folder"/> that <paramref name="pattern"/> matches, as
    /// <c>path:line: match</c>, leaving out the files <paramref name="skip"/> names (by their relative path).
    /// </summary>
    public static IReadOnlyList<string> Offences(string folder, Regex pattern, Func<string, bool>? skip = null)
    {
        var offences = new List<string>();
        foreach (var relative in CSharpFiles(folder))
        {
            if (skip?.Invoke(relative) == true)
            {
                continue;
            }

            var lines = File.ReadAllLines(Path.Combine(Root, relative));
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.Match(lines[i]) is { Success: true } match)
                {
                    offences.Add($"{relative}:{i + 1}: {match.Value}");
                }
            }
        }

        return offences;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gatehouse.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"the tests do not run inside the repository: no Gatehouse.slnx above {AppContext.BaseDirectory}");
    }
}
