using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Masking;

/// <summary>Builds the deployment's one masking engine from the configuration.</summary>
internal static class MaskingServices
{
    public static MaskingEngine CreateEngine(GatehouseConfig config)
    {
        var options = config.Masking.Engine;
        if (options.FingerprintKey.IsEmpty)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(config.Storage.Sqlite)) ?? ".";
            options = options with { FingerprintKey = FingerprintKeyFile.LoadOrCreate(directory) };
        }

        return new MaskingEngine(options);
    }
}
