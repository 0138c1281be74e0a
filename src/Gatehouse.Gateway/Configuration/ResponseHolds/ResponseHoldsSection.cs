using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.ResponseHolds;

/// <summary><c>responseHolds</c>: how a response held for review is buffered and kept alive.</summary>
internal sealed class ResponseHoldsSection : ConfigSection<ResponseHoldConfig>
{
    public override string Key => "responseHolds";

    public override ResponseHoldConfig Read(GatehouseConfig config) => config.ResponseHolds;

    public override GatehouseConfig Write(GatehouseConfig config, ResponseHoldConfig? options) => config with { ResponseHolds = options ?? new() };

    public override ResponseHoldConfig Bind(SectionReader section, SectionBindContext context) => ResponseHoldBinder.Bind(section);
}
