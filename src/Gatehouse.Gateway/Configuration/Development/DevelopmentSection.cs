using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Development;

/// <summary>
/// <c>dev</c>: a scalar, <c>dev: true</c> marks a file that only <c>serve --dev</c> accepts. Whether the running mode
/// agrees is checked by the <c>serve</c> command, which knows the mode.
/// </summary>
internal sealed class DevelopmentSection : ConfigSection<DevelopmentFileConfig>
{
    public override string Key => "dev";

    public override DevelopmentFileConfig Read(GatehouseConfig config) => new() { DevelopmentOnly = config.DevelopmentOnly };

    public override GatehouseConfig Write(GatehouseConfig config, DevelopmentFileConfig? options)
        => config with { DevelopmentOnly = options?.DevelopmentOnly ?? false };

    public override DevelopmentFileConfig Bind(SectionReader section, SectionBindContext context)
        => throw new InvalidOperationException("dev is a single value; it binds from the root");

    protected override DevelopmentFileConfig BindFrom(SectionReader root, SectionBindContext context)
        => new() { DevelopmentOnly = root.Bool(Key, false) };
}
