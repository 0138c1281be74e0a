using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Masking;

/// <summary><c>masking</c>: the engine's rules, redaction and fingerprint key (<see cref="MaskingBinder"/>).</summary>
internal sealed class MaskingSection : ConfigSection<MaskingConfig>
{
    public override string Key => "masking";

    /// <summary>Replicas of a shared store must share the fingerprint key.</summary>
    public override IReadOnlyList<string> DependsOn => ["storage"];

    public override MaskingConfig Read(GatehouseConfig config) => config.Masking;

    public override GatehouseConfig Write(GatehouseConfig config, MaskingConfig? options) => config with { Masking = options ?? new() };

    public override MaskingConfig Bind(SectionReader section, SectionBindContext context) => MaskingBinder.Bind(section, context.Environment);

    /// <summary>
    /// Replicas on one database must mask with one fingerprint key, or equal secrets get different fingerprints; the
    /// embedded store's default (a key file generated beside the database) cannot be shared, so it must be configured.
    /// </summary>
    public override void Validate(MaskingConfig options, SectionValidation validation)
    {
        if (validation.Config.Storage.Postgres is not null && options.FingerprintKeySource is null)
        {
            validation.Add(PathOf("fingerprintKey"),
                "required with storage.postgres (every replica must use the same key): give { env: VARIABLE } or { file: PATH } holding at least 16 bytes");
        }
    }
}
