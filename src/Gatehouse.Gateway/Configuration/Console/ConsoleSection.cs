using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Console;

/// <summary><c>console</c>: the web console's sign-in; the console is off until it is configured.</summary>
internal sealed class ConsoleSection : ConfigSection<ConsoleConfig>
{
    public override string Key => "console";

    public override ConsoleConfig Read(GatehouseConfig config) => config.Console;

    public override GatehouseConfig Write(GatehouseConfig config, ConsoleConfig? options) => config with { Console = options ?? new() };

    public override ConsoleConfig Bind(SectionReader section, SectionBindContext context) => ConsoleBinder.Bind(section, context.Environment);
}
