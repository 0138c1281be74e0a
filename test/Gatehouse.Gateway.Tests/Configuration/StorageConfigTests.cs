using System.Collections;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

/// <summary><c>storage</c>: one provider, PostgreSQL's settings, and the keys replicas of a shared store must be given.</summary>
public sealed class StorageConfigTests : IDisposable
{
    private const string Password = "Pg-Secret-Password-8812";
    private const string MaskingKey = "masking: { fingerprintKey: { env: TEST_MASKING_KEY } }\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-storage-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_NoStorageSection_KeepsTheEmbeddedDefault()
    {
        var result = GatehouseConfigLoader.Load(Write(""), Env());

        Assert.True(result.Success, result.FormatErrors());
        Assert.Null(result.Config!.Storage.Postgres);
        Assert.Equal(Path.Combine(".gatehouse", "gatehouse.db"), result.Config.Storage.Sqlite);
        Assert.True(result.Config.Storage.MigrateOnStart);
    }

    [Fact]
    public void Load_Leases_DefaultsThenBound_FailoverIsTheirSum()
    {
        var defaults = GatehouseConfigLoader.Load(Write(""), Env());
        var bound = GatehouseConfigLoader.Load(Write("storage:\n  leases: { duration: 30s, renewEvery: 10s }\n"), Env());

        Assert.True(defaults.Success, defaults.FormatErrors());
        Assert.True(bound.Success, bound.FormatErrors());
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)),
            (defaults.Config!.Storage.Leases.Duration, defaults.Config.Storage.Leases.RenewEvery, defaults.Config.Storage.Leases.FailoverTime));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)), (bound.Config!.Storage.Leases.Duration, bound.Config.Storage.Leases.RenewEvery));
    }

    [Fact]
    public void Load_LeasesRenewedLessThanTwicePerDurationOrUnknownKey_EveryErrorWithItsPath()
    {
        var result = GatehouseConfigLoader.Load(Write("storage:\n  leases: { duration: 4s, renewEvery: 3s, ttl: 9s }\n"), Env());

        Assert.False(result.Success);
        var renew = Assert.Single(result.Errors, e => e.Path == "storage.leases.renewEvery");
        Assert.Contains("at most half of storage.leases.duration (4s)", renew.Message, StringComparison.Ordinal);
        Assert.Contains(result.Errors, e => e.Path == "storage.leases.ttl");
    }

    [Fact]
    public void Load_Postgres_BindsTheSourceAndMigrate()
    {
        var result = GatehouseConfigLoader.Load(Write("storage:\n  postgres: { env: PG_URL, migrate: off }\n" + MaskingKey), Env());

        Assert.True(result.Success, result.FormatErrors());
        var postgres = result.Config!.Storage.Postgres!;
        Assert.Equal("PG_URL", postgres.Env);
        Assert.False(postgres.Migrate);
        Assert.False(result.Config.Storage.MigrateOnStart);
        Assert.Equal("storage.postgres", result.Config.Storage.ProviderKey);
    }

    [Fact]
    public void Load_BothProvidersAndABadMigrate_EveryErrorWithItsPath()
    {
        var result = GatehouseConfigLoader.Load(
            Write($"storage:\n  sqlite: /tmp/x.db\n  postgres: {{ connectionString: \"Host=db;Password={Password}\", migrate: sometimes, pool: 3 }}\n" + MaskingKey), Env());

        Assert.False(result.Success);
        var paths = result.Errors.Select(e => e.Path).ToList();
        Assert.Contains("storage", paths);
        Assert.Contains("storage.postgres.migrate", paths);
        Assert.Contains("storage.postgres.pool", paths);
        Assert.DoesNotContain(Password, result.FormatErrors(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PostgresWithoutAFingerprintKey_Refused()
    {
        var result = GatehouseConfigLoader.Load(Write("storage:\n  postgres: { env: PG_URL }\n"), Env());

        var error = Assert.Single(result.Errors);
        Assert.Equal("masking.fingerprintKey", error.Path);
        Assert.Contains("required with storage.postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PostgresConfigText_NeverShowsTheConnectionString()
    {
        var result = GatehouseConfigLoader.Load(Write($"storage:\n  postgres: {{ connectionString: \"Host=db;Password={Password}\" }}\n" + MaskingKey), Env());

        Assert.True(result.Success, result.FormatErrors());
        Assert.DoesNotContain(Password, result.Config!.Storage.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CheckpointKeyFromAVariable_ReadAndNeverShown()
    {
        var (pem, _) = CheckpointKeys.Generate();

        var result = GatehouseConfigLoader.Load(Write("audit:\n  checkpoints: { key: { env: TEST_CHECKPOINT_KEY } }\n"), Env(("TEST_CHECKPOINT_KEY", pem)));

        Assert.True(result.Success, result.FormatErrors());
        var checkpoints = result.Config!.Audit.Checkpoints!;
        Assert.Equal(pem, checkpoints.ReadKeyPem());
        Assert.Equal("env:TEST_CHECKPOINT_KEY", checkpoints.KeySource);
        Assert.DoesNotContain("PRIVATE KEY", checkpoints.ToString(), StringComparison.Ordinal);
        using var signer = CheckpointSigner.FromPem(checkpoints.ReadKeyPem());
        Assert.NotEmpty(signer.KeyId);
    }

    [Fact]
    public void Load_CheckpointKeyVariableUnsetOrNotAKey_ErrorNamesTheVariableNotItsText()
    {
        var unset = GatehouseConfigLoader.Load(Write("audit:\n  checkpoints: { key: { env: TEST_NO_SUCH_KEY } }\n"), Env());
        var garbage = GatehouseConfigLoader.Load(Write("audit:\n  checkpoints: { key: { env: TEST_CHECKPOINT_KEY } }\n"), Env(("TEST_CHECKPOINT_KEY", "not-a-key-" + Password)));
        var both = GatehouseConfigLoader.Load(Write("audit:\n  checkpoints: { key: { env: A, file: /x.pem } }\n"), Env());

        Assert.Equal("audit.checkpoints.key.env", Assert.Single(unset.Errors).Path);
        var error = Assert.Single(garbage.Errors);
        Assert.Equal("audit.checkpoints.key.env", error.Path);
        Assert.Contains("TEST_CHECKPOINT_KEY does not hold an ECDSA P-256 private key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, garbage.FormatErrors(), StringComparison.Ordinal);
        Assert.Equal("audit.checkpoints.key", Assert.Single(both.Errors).Path);
    }

    [Fact]
    public void Load_CheckpointKeyFileMapping_SameChecksAsAPath()
    {
        var key = Path.Combine(_dir, "audit.pem");
        File.WriteAllText(key, CheckpointKeys.Generate().PrivateKeyPem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var ok = GatehouseConfigLoader.Load(Write($"audit:\n  checkpoints: {{ key: {{ file: {key} }} }}\n"), Env());
        var missing = GatehouseConfigLoader.Load(Write("audit:\n  checkpoints: { key: { file: /nope/audit.pem } }\n"), Env());

        Assert.True(ok.Success, ok.FormatErrors());
        Assert.Equal(key, ok.Config!.Audit.Checkpoints!.KeyFile);
        Assert.Equal("audit.checkpoints.key.file", Assert.Single(missing.Errors).Path);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Hashtable Env(params (string Key, string Value)[] pairs)
    {
        var env = new Hashtable { ["TEST_MASKING_KEY"] = "a-shared-fingerprint-key-of-32-bytes" };
        foreach (var (key, value) in pairs)
        {
            env[key] = value;
        }

        return env;
    }
}
