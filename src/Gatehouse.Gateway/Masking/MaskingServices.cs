using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Masking;

/// <summary>Builds the deployment's one masking engine from the configuration.</summary>
internal static class MaskingServices
{
    public static MaskingEngine CreateEngine(GatehouseConfig config)
        => new(config.Masking.Engine with { FingerprintKey = FingerprintKey(config) });

    /// <summary>
    /// Returns the deployment's fingerprint key: <c>masking.fingerprintKey</c>, else the key generated once beside the
    /// SQLite database. Other keys the gateway needs are derived from it (see <c>McpStateSeal</c>).
    /// </summary>
    public static ReadOnlyMemory<byte> FingerprintKey(GatehouseConfig config)
    {
        var configured = config.Masking.Engine.FingerprintKey;
        if (configured.IsEmpty && config.Storage.Postgres is not null)
        {
            // Replicas share the database, so they must share the key; a file beside no database cannot be shared.
            throw new Secrets.KeyFileException("masking.fingerprintKey is required with storage.postgres: give { env: VARIABLE } or { file: PATH }");
        }

        return configured.IsEmpty
            ? FingerprintKeyFile.LoadOrCreate(Path.GetDirectoryName(Path.GetFullPath(config.Storage.Sqlite)) ?? ".")
            : configured;
    }
}
