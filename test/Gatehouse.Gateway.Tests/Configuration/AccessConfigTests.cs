using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class AccessConfigTests : IDisposable
{
    private const string Connections = """
        connections:
          - name: prod
            kind: openai
            upstream: https://api.openai.com
            allowGroups: [sre]
          - name: staging
            upstream: https://staging.example.com
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-access-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_ListedConnection_BindsReviewersAndLimitsWithDefaults()
    {
        var result = Load("""
            access:
              connections:
                prod:
                  reviewers: {groups: [sre-leads], users: [ana@example.com]}
                  approvalsNeeded: 2
                  denyThreshold: 1
                  maxDuration: 4h
                staging:
                  reviewers: {groups: [leads]}
            """);

        Assert.True(result.Success, result.FormatErrors());
        var prod = result.Config!.Access.For("PROD")!;
        Assert.Equal(["sre-leads"], prod.ReviewerGroups);
        Assert.Equal(["ana@example.com"], prod.ReviewerUsers);
        Assert.Equal((2, 1), (prod.ApprovalsNeeded, prod.DenyThreshold));
        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.FromMinutes(15)), (prod.MaxDuration, prod.Timeout));
        var staging = result.Config.Access.For("staging")!;
        Assert.Equal((TimeSpan.FromHours(8), 1), (staging.MaxDuration, staging.ApprovalsNeeded));
    }

    [Fact]
    public void Load_NoAccessSection_NothingCanBeRequested()
    {
        var result = Load("");

        Assert.True(result.Success, result.FormatErrors());
        Assert.Null(result.Config!.Access.For("prod"));
    }

    [Fact]
    public void Load_Mistakes_AreEachReportedWithTheirPath()
    {
        var result = Load("""
            access:
              connections:
                nowhere:
                  reviewers: {groups: [leads]}
                prod:
                  reviewers: {}
                  approvalsNeeded: 0
                  maxDuration: forever
                  timeout: 1s
                  colour: blue
            """);

        Assert.False(result.Success);
        Assert.Equal(
            [
                "access.connections.nowhere",
                "access.connections.prod.approvalsNeeded",
                "access.connections.prod.colour",
                "access.connections.prod.maxDuration",
                "access.connections.prod.reviewers",
                "access.connections.prod.timeout",
            ],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains("there is no connection named 'nowhere'", result.FormatErrors(), StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string access)
    {
        var path = Path.Combine(_dir, "gatehouse.yaml");
        File.WriteAllText(path, Connections + "\n" + access);
        return GatehouseConfigLoader.Load(path, new Hashtable());
    }
}
