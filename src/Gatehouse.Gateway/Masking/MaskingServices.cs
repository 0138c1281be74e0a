using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Masking;

/// <summary>Builds the deployment's one masking engine from the configuration.</summary>
internal static class MaskingServices
{
    public static MaskingEngine CreateEngine(GatehouseConfig config)
    {
        var options = config.Masking.Engine;
        if (options.FingerprintKey.IsEmpty && config.Storage.Postgres is not null)
        {
            // Replicas share the database, so they must share the key; a file beside no database cannot be shared.
            throw new Secrets.KeyFileException("masking.fingerprintKey is required with storage.postgres: give { env: VARIABLE } or { file: PATH }");
        }

        if (options.FingerprintKey.IsEmpty)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(config.Storage.Sqlite)) ?? ".";
            options = options with { FingerprintKey = FingerprintKeyFile.LoadOrCreate(directory) };
        }

        return new MaskingEngine(options);
    }
}
