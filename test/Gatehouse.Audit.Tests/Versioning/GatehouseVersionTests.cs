using System.Text.RegularExpressions;
using Gatehouse.Audit.Versioning;

namespace Gatehouse.Audit.Tests.Versioning;

public sealed class GatehouseVersionTests
{
    [Fact]
    public void Parse_VersionWithCommit_SplitsThem()
    {
        var version = GatehouseVersion.Parse("0.1.0-alpha.0.322+b2e2c8e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6");

        Assert.Equal("0.1.0-alpha.0.322", version.Version);
        Assert.Equal("b2e2c8e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6", version.Commit);
        Assert.Equal("gatehouse 0.1.0-alpha.0.322 (commit b2e2c8e0d1c2)", version.ToString());
    }

    [Fact]
    public void Parse_MetadataBesideTheCommit_PicksTheCommit()
    {
        var version = GatehouseVersion.Parse("1.2.3+build.7.b2e2c8e0d1c2");

        Assert.Equal("1.2.3", version.Version);
        Assert.Equal("b2e2c8e0d1c2", version.Commit);
    }

    [Theory]
    [InlineData(null, "0.0.0")]
    [InlineData("", "0.0.0")]
    [InlineData("1.2.3", "1.2.3")]
    public void Parse_NoCommit_CommitIsUnknown(string? informational, string expected)
    {
        var version = GatehouseVersion.Parse(informational);

        Assert.Equal(expected, version.Version);
        Assert.Null(version.Commit);
        Assert.EndsWith("(commit unknown)", version.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Current_IsComputedFromGit_NotTheSdkDefault()
    {
        var current = GatehouseVersion.Current;

        // The SDK stamps 1.0.0 when nothing computes a version; MinVer gives a SemVer 2 version from the tags.
        Assert.NotEqual("1.0.0", current.Version);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$"), current.Version);
        Assert.Matches(new Regex("^[0-9a-f]{40}$"), current.Commit ?? "");
    }
}
