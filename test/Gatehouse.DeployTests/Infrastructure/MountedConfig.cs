using System.Collections;
using System.Security.Cryptography;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.DeployTests.Infrastructure;

/// <summary>
/// A shipped gatehouse.yaml loaded by the gateway's own loader as the container would see it: each mount point the
/// file names is replaced by a folder here holding what the deployment mounts there (the shipped policy, and secrets
/// made for the test, private to this user as the gateway requires), and secret environment variables are set.
/// </summary>
internal sealed class MountedConfig : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gatehouse-deploy-").FullName;
    private readonly Dictionary<string, string> _mounts = new(StringComparer.Ordinal);

    /// <summary>Gets the environment the gateway gets (secret values by name).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets every secret value given, to check that none leaks into an error.</summary>
    public List<string> SecretValues { get; } = [];

    /// <summary>Mounts a folder of this test at <paramref name="mountPoint"/> and returns it.</summary>
    public string Mount(string mountPoint)
    {
        var folder = Path.Combine(_root, $"mount{_mounts.Count}");
        Directory.CreateDirectory(folder);
        _mounts[mountPoint.TrimEnd('/') + "/"] = folder + "/";
        return folder;
    }

    /// <summary>Writes a secret file (0600) into a mounted folder.</summary>
    public void SecretFile(string folder, string name, string value)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        SecretValues.Add(value);
    }

    /// <summary>Sets a secret environment variable.</summary>
    public void SecretVariable(string name, string value)
    {
        Environment[name] = value;
        SecretValues.Add(value);
    }

    /// <summary>Loads <paramref name="yaml"/> with the mount points replaced by this test's folders.</summary>
    public ConfigLoadResult Load(string yaml)
    {
        foreach (var (mountPoint, folder) in _mounts)
        {
            yaml = yaml.Replace(mountPoint, folder, StringComparison.Ordinal);
        }

        var path = Path.Combine(_root, "gatehouse.yaml");
        File.WriteAllText(path, yaml);
        return GatehouseConfigLoader.Load(path, new Hashtable(Environment));
    }

    /// <summary>A Npgsql connection string with a password made for this test.</summary>
    public static string ConnectionString(string host) =>
        $"Host={host};Port=5432;Database=gatehouse;Username=gatehouse;Password={RandomText()}";

    /// <summary>32 random letters and digits: a masking key or an upstream credential.</summary>
    public static string RandomText() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);

    /// <summary>An ECDSA P-256 private key in PKCS#8 PEM, as <c>gatehouse audit keygen</c> and make-secrets.sh write it.</summary>
    public static string CheckpointKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
