namespace Gatehouse.DeployTests.Infrastructure;

/// <summary>
/// A Debian tool the deployment tests run (<c>docker-compose</c>, <c>kubectl</c>), found on <c>PATH</c>. Missing, the
/// test is skipped on a developer's machine and fails where the suite promises it (<c>GATEHOUSE_TEST_REQUIRE_TOOLS=1</c>,
/// which ./test.sh sets after installing them with build/test-deploy-tools.sh).
/// </summary>
internal static class DeployTool
{
    public const string RequiredVariable = "GATEHOUSE_TEST_REQUIRE_TOOLS";

    /// <summary>Returns the tool's full path, or ends the test (failed or skipped) saying how to install it.</summary>
    public static string Require(string name, string debianPackage)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        var message = $"'{name}' is not on PATH: install Debian's {debianPackage} (apt-get install {debianPackage}), as ./test.sh does";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return "";
    }
}
