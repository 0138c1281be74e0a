using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// PostgreSQL's client programs (<c>pg_dump</c>, <c>pg_restore</c>, <c>createdb</c>) from Debian's <c>postgresql</c>,
/// the package ./test.sh installs for its throwaway cluster (build/test-postgres.sh). The newest installed version is
/// used, the one that runs the cluster; missing, a test fails under <c>GATEHOUSE_TEST_REQUIRE_TOOLS=1</c> (set by
/// ./test.sh) and is skipped otherwise.
/// </summary>
internal static class PostgresClientTools
{
    private const string RequiredVariable = "GATEHOUSE_TEST_REQUIRE_TOOLS";

    /// <summary>Runs <paramref name="tool"/> with <paramref name="args"/>; the password reaches it in <c>PGPASSWORD</c>, never on its command line.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, string workingDirectory, string password, params string[] args) =>
        ChildProcess.RunAsync(new ChildCommand(Require(tool)), workingDirectory, args, new Dictionary<string, string> { ["PGPASSWORD"] = password });

    private static string Require(string tool)
    {
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(folder => (Version: int.TryParse(Path.GetFileName(folder), out var v) ? v : 0, Path: Path.Combine(folder, "bin", tool)))
                .Where(candidate => File.Exists(candidate.Path))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Path)
                .FirstOrDefault()
            : null;
        var found = versioned ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        var message = $"'{tool}' is not installed: install Debian's postgresql (apt-get install postgresql), as ./test.sh does";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return "";
    }
}
