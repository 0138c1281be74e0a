using System.Collections;
using Gatehouse.Audit.Retention;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Control.Retention;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class RetentionConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-retention-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_DefaultsAndPerConnectionPeriods_BuildTheEffectivePlan()
    {
        var key = Path.Combine(_dir, "audit.pem");
        File.WriteAllText(key, "not checked here");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var result = Load($$"""
            connections:
              - { name: a, upstream: "https://a.example.com", retention: { bodies: 7d, records: forever } }
              - { name: b, upstream: "https://b.example.com" }
              - { name: c, upstream: "https://c.example.com", retention: { bodies: forever } }
            audit:
              checkpoints: { key: {{key}} }
              retention: { bodies: 30d, records: 365d, interval: 15m, batchSize: 200 }
            """);

        Assert.True(result.Success, result.FormatErrors());
        var plan = RetentionPlans.From(result.Config!);
        Assert.Equal(
            [
                new ConnectionRetention("a", TimeSpan.FromDays(7), null),
                new ConnectionRetention("b", TimeSpan.FromDays(30), TimeSpan.FromDays(365)),
                new ConnectionRetention("c", null, TimeSpan.FromDays(365)),
            ],
            plan.Connections);
        Assert.Equal(200, plan.BatchSize);
        Assert.Equal(TimeSpan.FromMinutes(15), result.Config!.Audit.Retention.Interval);
    }

    [Fact]
    public void Load_NoRetention_KeepsEverythingForEver()
    {
        var result = Load("connections:\n  - { name: a, upstream: \"https://a.example.com\" }\n");

        Assert.True(result.Success, result.FormatErrors());
        Assert.Empty(RetentionPlans.From(result.Config!).Connections);
        Assert.Equal(TimeSpan.FromHours(1), result.Config!.Audit.Retention.Interval);
    }

    [Fact]
    public void Load_RecordRetentionWithoutCheckpoints_NamesEveryPlace()
    {
        var result = Load("""
            connections:
              - { name: a, upstream: "https://a.example.com", retention: { records: 90d } }
              - { name: b, upstream: "https://b.example.com", retention: { bodies: 1d } }
            audit:
              retention: { records: 365d }
            """);

        Assert.Equal(["audit.retention.records", "connections[0].retention.records"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Contains("audit.checkpoints", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bodies: 30 days", "connections[0].retention.bodies")]
    [InlineData("records: 10m", "connections[0].retention.records")]
    [InlineData("body: 30d", "connections[0].retention.body")]
    public void Load_BadConnectionPeriod_ReportsItsPath(string setting, string path)
    {
        var result = Load($"connections:\n  - {{ name: a, upstream: \"https://a.example.com\", retention: {{ {setting} }} }}\n");

        Assert.Equal(path, Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Load_BadJobSettings_ReportsEachPath()
    {
        var result = Load("audit:\n  retention: { bodies: never, interval: 5s, batchSize: 0 }\n");

        Assert.Equal(
            ["audit.retention.batchSize", "audit.retention.bodies", "audit.retention.interval"],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    private ConfigLoadResult Load(string yaml)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        return GatehouseConfigLoader.Load(path, new Hashtable());
    }
}
