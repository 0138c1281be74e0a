using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;
using Gatehouse.Storage;

namespace Gatehouse.Gateway.Configuration.Audit;

/// <summary><c>audit</c>: failure mode, durability, caps, the writer's queue, checkpoints and retention.</summary>
internal sealed class AuditSection : ConfigSection<AuditConfig>
{
    public override string Key => "audit";

    public override AuditConfig Read(GatehouseConfig config) => config.Audit;

    public override GatehouseConfig Write(GatehouseConfig config, AuditConfig? options) => config with { Audit = options ?? new() };

    public override AuditConfig Bind(SectionReader s, SectionBindContext context)
    {
        var d = new AuditConfig();
        var config = new AuditConfig
        {
            FailureMode = s.Choice("failureMode", ConfigNames.FailureModes) ?? d.FailureMode,
            Durability = s.Choice("durability", StoreDurabilityNames.Table) ?? d.Durability,
            SyncInterval = s.Duration("syncInterval", d.SyncInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1)),
            BodyCapBytes = (int)s.Long("bodyCapBytes", d.BodyCapBytes, 0, 64 * 1024 * 1024),
            TextCapChars = (int)s.Long("textCapChars", d.TextCapChars, 1024, 64 * 1024 * 1024),
            QueueCapacity = (int)s.Long("queueCapacity", d.QueueCapacity, 16, 1_000_000),
            MaxBatch = (int)s.Long("maxBatch", d.MaxBatch, 1, 10_000),
            Checkpoints = s.Child("checkpoints") is null ? null : CheckpointsBinder.Bind(s.Section("checkpoints"), context.Environment),
            Retention = RetentionBinder.BindAudit(s.Section("retention")),
        };
        s.ReportUnknownKeys();
        return config;
    }

    /// <summary>Record retention needs signed checkpoints: each tombstone's hash is vouched for by one.</summary>
    public override void Validate(AuditConfig options, SectionValidation validation)
    {
        if (options.Checkpoints is null && options.Retention.Records.Keep is not null)
        {
            validation.Add(PathOf("retention.records"), RetentionBinder.NeedsCheckpoints);
        }
    }
}
