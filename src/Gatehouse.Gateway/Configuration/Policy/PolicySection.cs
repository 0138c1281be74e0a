using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Policy;

/// <summary><c>policy</c>: the policy file (reloaded on change by the policy provider, not by the configuration).</summary>
internal sealed class PolicySection : ConfigSection<PolicyConfig>
{
    public override string Key => "policy";

    public override PolicyConfig Read(GatehouseConfig config) => config.Policy;

    public override GatehouseConfig Write(GatehouseConfig config, PolicyConfig? options) => config with { Policy = options ?? new() };

    public override PolicyConfig Bind(SectionReader s, SectionBindContext context)
    {
        var file = s.String("file");
        s.ReportUnknownKeys();
        return new PolicyConfig { File = file };
    }

    public override void Validate(PolicyConfig options, SectionValidation validation)
    {
        if (options.File is { } file && !File.Exists(file))
        {
            validation.Add(PathOf("file"), $"there is no policy file '{file}'");
        }
    }
}
