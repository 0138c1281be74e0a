using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class ConsoleConfigTests : IDisposable
{
    private const string Connection = """
        connections:
          - name: openai
            kind: openai
            upstream: https://api.openai.com
            credential: { header: Authorization, prefix: "Bearer ", env: TEST_OPENAI_KEY }

        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-console-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Load_WithoutTheSection_LeavesTheConsoleOff()
    {
        var config = Load("").Config!;

        Assert.Null(config.Console.Oidc);
        Assert.Equal(TimeSpan.FromHours(8), config.Console.SessionLifetime);
    }

    [Fact]
    public void Load_Oidc_BindsTheClientWithItsSecretFromTheEnvironment_AndNamesOnlyWhereItCameFrom()
    {
        var result = Load("console:\n  oidc:\n    issuer: https://idp.example.com/\n    clientId: gatehouse-console\n    clientSecret: {env: CONSOLE_SECRET}\n  sessionLifetime: 1h\n");

        Assert.True(result.Success, result.FormatErrors());
        var oidc = result.Config!.Console.Oidc!;
        Assert.Equal("https://idp.example.com", oidc.Issuer);
        Assert.Equal("gatehouse-console", oidc.ClientId);
        Assert.Equal("console-secret-value", oidc.ClientSecret);
        Assert.Equal("env:CONSOLE_SECRET", oidc.ClientSecretSource);
        Assert.Equal(["openid", "profile", "email"], oidc.Scopes);
        Assert.Equal(TimeSpan.FromHours(1), result.Config.Console.SessionLifetime);
    }

    [Fact]
    public void Load_BadConsoleSection_ReportsEveryErrorWithItsPath_AndNeverTheSecret()
    {
        var result = Load("console:\n  oidc:\n    issuer: http://idp.example.com\n    clientSecret: {value: console-secret-value}\n    scopes: [profile]\n    prompt: login\n  sessionLifetime: 30d\n");

        var errors = result.FormatErrors();
        Assert.False(result.Success);
        Assert.Contains("console.oidc.issuer: 'http://idp.example.com' is plain http", errors, StringComparison.Ordinal);
        Assert.Contains("console.oidc.clientId: required", errors, StringComparison.Ordinal);
        Assert.Contains("console.oidc.clientSecret.value: secrets are never written in the configuration file", errors, StringComparison.Ordinal);
        Assert.Contains("console.oidc.scopes: must include openid", errors, StringComparison.Ordinal);
        Assert.Contains("console.oidc.prompt", errors, StringComparison.Ordinal);
        Assert.Contains("console.sessionLifetime", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("console-secret-value", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConnectionNamedConsole_IsRefused_ForTheConsoleOwnsThePath()
    {
        var result = Load("").Success
            ? LoadRaw("connections:\n  - name: console\n    kind: openai\n    upstream: https://api.openai.com\n")
            : throw new InvalidOperationException("the base configuration is invalid");

        Assert.False(result.Success);
        Assert.Contains("connections[0].name", result.FormatErrors(), StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string section) => LoadRaw(Connection + section);

    private ConfigLoadResult LoadRaw(string yaml)
    {
        File.WriteAllText(_path, yaml);
        return GatehouseConfigLoader.Load(_path, new Hashtable { ["TEST_OPENAI_KEY"] = "sk-test-value", ["CONSOLE_SECRET"] = "console-secret-value" });
    }
}
