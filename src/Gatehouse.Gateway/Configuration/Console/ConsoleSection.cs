using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Console;

/// <summary><c>console</c>: the web console's sign-in; the console is off until it is configured.</summary>
internal sealed class ConsoleSection : ConfigSection<ConsoleConfig>
{
    public override string Key => "console";

    /// <summary>Replicas of a shared store share the console's key ring, so it must be encrypted there.</summary>
    public override IReadOnlyList<string> DependsOn => ["storage"];

    public override ConsoleConfig Read(GatehouseConfig config) => config.Console;

    public override GatehouseConfig Write(GatehouseConfig config, ConsoleConfig? options) => config with { Console = options ?? new() };

    public override ConsoleConfig Bind(SectionReader section, SectionBindContext context) => ConsoleBinder.Bind(section, context.Environment);

    /// <summary>
    /// The console's key ring lives in the store; in a shared database it would let anyone who reads the database (or a
    /// backup of it) forge a console session, so with PostgreSQL it must be encrypted with a key from outside it.
    /// </summary>
    public override void Validate(ConsoleConfig options, SectionValidation validation)
    {
        if (options.Oidc is not null && validation.Config.Storage.Postgres is not null && options.KeyRingKeySource is null)
        {
            validation.Add(PathOf("keyRingKey"),
                "required with storage.postgres when the console is on: the console's key ring is kept in the shared database and must be "
                + $"encrypted there; give {{ env: VARIABLE }} or {{ file: PATH }} holding at least {ConsoleBinder.MinimumKeyRingKeyBytes} bytes, the same on every replica");
        }
    }
}
