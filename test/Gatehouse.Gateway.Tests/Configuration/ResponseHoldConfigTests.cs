using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class ResponseHoldConfigTests : IDisposable
{
    private const string Connection = """
        connections:
          - name: openai
            kind: openai
            upstream: https://api.openai.com
            credential: { header: Authorization, prefix: "Bearer ", env: TEST_OPENAI_KEY }

        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-holds-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Load_WithoutTheSection_UsesTheDocumentedDefaults()
    {
        var config = Load("").Config!;

        Assert.Equal(8 << 20, config.ResponseHolds.MaxHeldBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), config.ResponseHolds.Heartbeat);
    }

    [Fact]
    public void Load_Section_BindsItsKeys()
    {
        var result = Load("responseHolds:\n  maxHeldBytes: 65536\n  heartbeat: 15s\n");

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(65536, result.Config!.ResponseHolds.MaxHeldBytes);
        Assert.Equal(TimeSpan.FromSeconds(15), result.Config.ResponseHolds.Heartbeat);
    }

    [Fact]
    public void Load_OutOfRangeValuesAndUnknownKeys_AreEachReportedWithTheirPath()
    {
        var result = Load("responseHolds:\n  maxHeldBytes: 10\n  heartbeat: 1h\n  holdAll: true\n");

        var errors = result.FormatErrors();
        Assert.False(result.Success);
        Assert.Contains("responseHolds.maxHeldBytes", errors, StringComparison.Ordinal);
        Assert.Contains("responseHolds.heartbeat", errors, StringComparison.Ordinal);
        Assert.Contains("responseHolds.holdAll", errors, StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string section)
    {
        File.WriteAllText(_path, Connection + section);
        return GatehouseConfigLoader.Load(_path, new Hashtable { ["TEST_OPENAI_KEY"] = "sk-test-value" });
    }
}
