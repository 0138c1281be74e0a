using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Storage;

/// <summary><c>storage</c>: exactly one store provider, its busy time-out and the leases replicas share.</summary>
internal sealed class StorageSection : ConfigSection<StorageConfig>
{
    public override string Key => "storage";

    public override StorageConfig Read(GatehouseConfig config) => config.Storage;

    public override GatehouseConfig Write(GatehouseConfig config, StorageConfig? options) => config with { Storage = options ?? new() };

    public override StorageConfig Bind(SectionReader section, SectionBindContext context) => StorageBinder.Bind(section);
}
