using System.Collections;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage;

namespace Gatehouse.Gateway.Tests.Configuration;

/// <summary><c>audit.durability</c>, <c>audit.syncInterval</c> and <c>identity.tokenCache</c>: defaults, values, errors by path.</summary>
public sealed class DurabilityAndTokenCacheConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_NothingSet_FsyncAndATokenCacheOf10000For5Minutes()
    {
        var result = GatehouseConfigLoader.Load(Write("identity:\n  apiKeys: true\n"), new Hashtable());

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(StoreDurability.Fsync, result.Config!.Audit.Durability);
        Assert.Equal(TimeSpan.FromMilliseconds(10), result.Config.Audit.SyncInterval);
        Assert.Equal(10_000, result.Config.Identity.TokenCache.MaxEntries);
        Assert.Equal(TimeSpan.FromMinutes(5), result.Config.Identity.TokenCache.MaxAge);
    }

    [Fact]
    public void Load_ProcessDurabilityAndTokenCache_Bound()
    {
        var result = GatehouseConfigLoader.Load(Write("""
            identity:
              tokenCache: { maxEntries: 0, maxAge: 90s }
            audit:
              durability: process
              syncInterval: 5ms
            """), new Hashtable());

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(StoreDurability.Process, result.Config!.Audit.Durability);
        Assert.Equal(TimeSpan.FromMilliseconds(5), result.Config.Audit.SyncInterval);
        Assert.Equal(0, result.Config.Identity.TokenCache.MaxEntries);
        Assert.Equal(TimeSpan.FromSeconds(90), result.Config.Identity.TokenCache.MaxAge);
    }

    [Fact]
    public void Load_EveryBadValue_ReportedTogetherByPath()
    {
        var result = GatehouseConfigLoader.Load(Write("""
            identity:
              tokenCache: { maxEntries: -1, maxAge: 0s, size: 3 }
            audit:
              durability: "1"
              syncInterval: 2s
            """), new Hashtable());

        Assert.False(result.Success);
        var paths = result.Errors.Select(e => e.Path).ToList();
        Assert.Contains("identity.tokenCache.maxEntries", paths);
        Assert.Contains("identity.tokenCache.maxAge", paths);
        Assert.Contains("identity.tokenCache.size", paths);
        Assert.Contains("audit.durability", paths);
        Assert.Contains("audit.syncInterval", paths);
        Assert.Contains(result.Errors, e => e.Path == "audit.durability" && e.Message.Contains("fsync or process", StringComparison.Ordinal));
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
