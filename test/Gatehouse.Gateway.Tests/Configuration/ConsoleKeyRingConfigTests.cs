using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

/// <summary><c>console.keyRingKey</c>: optional on the embedded store, required with PostgreSQL when the console is on, never echoed.</summary>
public sealed class ConsoleKeyRingConfigTests : IDisposable
{
    private const string Key = "a-console-key-ring-secret-of-32b";
    private const string Console = "console:\n  oidc: { issuer: https://idp.example.com, clientId: gatehouse-console }\n";
    private const string Postgres = "storage:\n  postgres: { env: PG_URL }\nmasking: { fingerprintKey: { env: TEST_MASKING_KEY } }\n";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-key-ring-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Load_EmbeddedStoreWithoutAKeyRingKey_ConsoleOn_Accepted()
    {
        var result = Load(Console);

        Assert.True(result.Success, result.FormatErrors());
        Assert.Null(result.Config!.Console.KeyRingKey);
    }

    [Fact]
    public void Load_PostgresWithTheConsoleAndNoKeyRingKey_RefusedWithItsPath()
    {
        var result = Load(Postgres + Console);

        var error = Assert.Single(result.Errors);
        Assert.Equal("console.keyRingKey", error.Path);
        Assert.Contains("required with storage.postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PostgresWithoutTheConsole_NeedsNoKeyRingKey()
    {
        var result = Load(Postgres);

        Assert.True(result.Success, result.FormatErrors());
    }

    [Fact]
    public void Load_KeyRingKeyFromTheEnvironment_Bound_SourceNamedNeverTheKey()
    {
        var result = Load(Postgres + Console + "  keyRingKey: { env: TEST_KEY_RING_KEY }\n");

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Key), result.Config!.Console.KeyRingKey);
        Assert.Equal("env:TEST_KEY_RING_KEY", result.Config.Console.KeyRingKeySource);
    }

    [Fact]
    public void Load_ShortOrInlineKeyRingKey_RefusedWithItsPath_WithoutQuotingIt()
    {
        var shortKey = Load(Console + "  keyRingKey: { env: TEST_SHORT_KEY }\n");
        var inline = Load(Console + "  keyRingKey: { value: " + Key + " }\n");

        Assert.Contains(shortKey.Errors, e => e.Path == "console.keyRingKey" && e.Message.Contains("shorter than 16 bytes", StringComparison.Ordinal));
        Assert.DoesNotContain("short-key", shortKey.FormatErrors(), StringComparison.Ordinal);
        Assert.Contains(inline.Errors, e => e.Path == "console.keyRingKey.value");
        Assert.DoesNotContain(Key, inline.FormatErrors(), StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string yaml)
    {
        File.WriteAllText(_path, yaml);
        return GatehouseConfigLoader.Load(_path, new Hashtable
        {
            ["PG_URL"] = "Host=db;Database=gatehouse",
            ["TEST_MASKING_KEY"] = "a-shared-fingerprint-key-of-32-bytes",
            ["TEST_KEY_RING_KEY"] = Key,
            ["TEST_SHORT_KEY"] = "short-key",
        });
    }
}
