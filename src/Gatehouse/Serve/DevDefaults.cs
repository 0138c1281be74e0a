using System.Collections;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Development;

namespace Gatehouse.Serve;

/// <summary>
/// What <c>serve --dev</c> adds for a newcomer: the built-in development issuer, the in-process <c>demo</c> connection,
/// and <c>openai</c>/<c>anthropic</c> connections when their keys are in the environment. Nothing here replaces what the
/// configuration file already names.
/// </summary>
internal static class DevDefaults
{
    public const string DemoConnection = "demo";

    /// <summary>The console's client id at the development issuer, a public client (PKCE, no secret).</summary>
    public const string ConsoleClientId = "gatehouse-console";

    /// <summary>The group that holds the admin role in development mode when the file names no role holders.</summary>
    public const string AdminGroup = "admin";

    /// <summary>The group that holds the auditor role in development mode when the file names no role holders.</summary>
    public const string AuditorGroup = "auditor";

    public static GatehouseConfig Apply(GatehouseConfig config, IDictionary environment)
    {
        var publicBase = PublicBase(config);
        var connections = config.Connections.ToList();
        AddIfMissing(connections, new ConnectionConfig
        {
            Name = DemoConnection,
            Kind = "openai",
            Upstream = new Uri("http://demo.gatehouse.internal/"),
            Demo = true,
        });

        if (!string.IsNullOrEmpty(environment["OPENAI_API_KEY"]?.ToString()))
        {
            AddIfMissing(connections, Provider("openai", "openai", "https://api.openai.com/", "Authorization", "Bearer ", "OPENAI_API_KEY", environment));
        }

        if (!string.IsNullOrEmpty(environment["ANTHROPIC_API_KEY"]?.ToString()))
        {
            AddIfMissing(connections, Provider("anthropic", "anthropic", "https://api.anthropic.com/", "x-api-key", "", "ANTHROPIC_API_KEY", environment));
        }

        var devIssuer = DevIssuer.IssuerConfig(publicBase);
        var issuers = config.Identity.Oidc.Any(i => i.Issuer == devIssuer.Issuer)
            ? config.Identity.Oidc
            : [.. config.Identity.Oidc, devIssuer];

        return config with
        {
            Dev = true,
            Connections = connections,
            Identity = config.Identity with { Oidc = issuers },
            Roles = DevRoles(config.Roles),
            Console = config.Console.Oidc is null
                ? config.Console with { Oidc = new ConsoleOidcConfig { Issuer = devIssuer.Issuer, ClientId = ConsoleClientId, AllowHttp = true } }
                : config.Console,
        };
    }

    /// <summary>
    /// When the file names no role holders, the <c>admin</c> and <c>auditor</c> groups hold the roles, so a development
    /// token minted with <c>--groups admin</c> reads the whole audit API while <c>--groups dev</c> reads only its own.
    /// </summary>
    public static RolesConfig DevRoles(RolesConfig roles)
    {
        var empty = new RoleMembers();
        return roles.Admin.Groups.Count + roles.Admin.Users.Count + roles.Auditor.Groups.Count + roles.Auditor.Users.Count > 0
            ? roles
            : new RolesConfig { Admin = empty with { Groups = [AdminGroup] }, Auditor = empty with { Groups = [AuditorGroup] } };
    }

    /// <summary>The base URL clients use, and so the development issuer's: shared by <c>serve --dev</c> and <c>dev token</c>.</summary>
    public static string PublicBase(GatehouseConfig config) => DevIssuer.PublicBase(config.Server);

    private static void AddIfMissing(List<ConnectionConfig> connections, ConnectionConfig connection)
    {
        if (!connections.Any(c => string.Equals(c.Name, connection.Name, StringComparison.OrdinalIgnoreCase)))
        {
            connections.Add(connection);
        }
    }

    private static ConnectionConfig Provider(string name, string kind, string upstream, string header, string prefix, string variable, IDictionary environment) => new()
    {
        Name = name,
        Kind = kind,
        Upstream = new Uri(upstream),
        Credential = new CredentialConfig
        {
            Header = header,
            Prefix = prefix,
            Value = environment[variable]!.ToString()!,
            Source = $"env:{variable}",
        },
    };
}
