using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

/// <summary>
/// Durations in the configuration file follow the one grammar; each key supplies its range. The forms the older
/// configuration parser read (bare seconds, fractions, hh:mm:ss) are refused with the value to write instead.
/// </summary>
public sealed class DurationConfigTests : IDisposable
{
    private const string Connection = """
        connections:
          - name: openai
            kind: openai
            upstream: https://api.openai.com
            credential: { header: Authorization, prefix: "Bearer ", env: TEST_OPENAI_KEY }

        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-durations-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("100ms", 100)]
    [InlineData("250ms", 250)]
    [InlineData("15s", 15_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("5m", 300_000)]
    public void Load_Heartbeat_Accepted(string text, int milliseconds)
    {
        var result = Load($"responseHolds:\n  heartbeat: {text}\n");

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), result.Config!.ResponseHolds.Heartbeat);
    }

    [Theory]
    [InlineData("15", "a bare number is no longer read as seconds; write '15s' instead")]
    [InlineData("1.5s", "fractions are not read; write '1500ms' instead")]
    [InlineData("0.5m", "fractions are not read; write '30s' instead")]
    [InlineData("00:00:15", "hh:mm:ss is not read; write '15s' instead")]
    [InlineData("99ms", "99ms is outside the range")]
    [InlineData("6m", "6m is outside the range")]
    [InlineData("0s", "0s is outside the range")]
    [InlineData("15 seconds", "'15' has no unit")]
    [InlineData("15sec", "'sec' is not a unit")]
    public void Load_Heartbeat_RefusedWithPathValueRangeAndForms(string text, string problem)
    {
        var result = Load($"responseHolds:\n  heartbeat: {text}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("responseHolds.heartbeat", error.Path);
        Assert.StartsWith($"'{text}' is not a duration from 100ms to 5m: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("such as 90s, 1h30m or 250ms", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiKeyCache: 0s", 0)]
    [InlineData("apiKeyCache: 5m", 300_000)]
    public void Load_ZeroAllowedWhereTheRangeStartsAtZero(string setting, int milliseconds)
    {
        var result = Load($"identity:\n  apiKeys: true\n  {setting}\n");

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), result.Config!.Identity.ApiKeyCache);
    }

    [Theory]
    [InlineData("forever", null)]
    [InlineData("Forever", null)]
    [InlineData("1h", 1)]
    [InlineData("30d", 720)]
    [InlineData("1d12h", 36)]
    public void Load_RetentionPeriod_AcceptsForeverOrAGrammarDuration(string text, int? hours)
    {
        var result = Load($"audit:\n  retention: {{ bodies: {text} }}\n");

        Assert.True(result.Success, result.FormatErrors());
        var bodies = result.Config!.Audit.Retention.Bodies;
        Assert.Equal(hours is null ? null : TimeSpan.FromHours(hours.Value), bodies.Keep);
    }

    [Theory]
    [InlineData("30", "write '30s' instead")]
    [InlineData("59m", "59m is outside the range")]
    [InlineData("36501d", "longer than 36500d; write 'forever' for no limit")]
    [InlineData("never", "'never' does not start with a whole number")]
    public void Load_RetentionPeriod_Refused(string text, string problem)
    {
        var result = Load($"audit:\n  retention: {{ bodies: {text} }}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("audit.retention.bodies", error.Path);
        Assert.StartsWith($"'{text}' is not a duration from 1h to 36500d or 'forever': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string section)
    {
        File.WriteAllText(_path, Connection + section);
        return GatehouseConfigLoader.Load(_path, new Hashtable { ["TEST_OPENAI_KEY"] = "sk-test-value" });
    }
}
