using Gatehouse.DeployTests.Infrastructure;

namespace Gatehouse.DeployTests;

/// <summary>
/// What ships in the checkout is whole: a merge that left its conflict markers in a document or a source file is
/// caught here, not by a reader of the docs.
/// </summary>
public sealed class RepositoryHygieneTests
{
    private static readonly string[] Folders = ["docs", "src", "test", "deploy", "bench", "build"];

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".cs", ".cshtml", ".sh", ".yaml", ".yml", ".json", ".csproj", ".props", ".targets", ".js", ".css", ".lua", ".txt",
    };

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "TestResults"];

    [Fact]
    public void NoShippedTextFile_HasMergeConflictMarkers()
    {
        var opening = new string('<', 7) + " ";
        var closing = new string('>', 7) + " ";

        var offenders = ShippedTextFiles()
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => l.line.StartsWith(opening, StringComparison.Ordinal) || l.line.StartsWith(closing, StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.path)}:{l.number}")
            .ToList();

        Assert.True(offenders.Count == 0, "conflict markers at: " + string.Join(", ", offenders));
    }

    [Fact]
    public void TheCheckIsMeaningful_ItReadsTheReadmeAndTheDocs()
    {
        var files = ShippedTextFiles().Select(p => Path.GetRelativePath(Repository.Root, p)).ToList();

        Assert.Contains("README.md", files);
        Assert.Contains(Path.Combine("docs", "configuration.md"), files);
    }

    private static IEnumerable<string> ShippedTextFiles()
    {
        var top = Directory.EnumerateFiles(Repository.Root).Where(p => TextExtensions.Contains(Path.GetExtension(p)));
        var nested = Folders
            .Select(f => Path.Combine(Repository.Root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(p => TextExtensions.Contains(Path.GetExtension(p)))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part, StringComparer.Ordinal)));
        return top.Concat(nested);
    }
}
