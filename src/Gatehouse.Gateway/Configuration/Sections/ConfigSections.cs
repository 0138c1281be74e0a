using Gatehouse.Gateway.Configuration.Access;
using Gatehouse.Gateway.Configuration.Agents;
using Gatehouse.Gateway.Configuration.Audit;
using Gatehouse.Gateway.Configuration.Connections;
using Gatehouse.Gateway.Configuration.Console;
using Gatehouse.Gateway.Configuration.Development;
using Gatehouse.Gateway.Configuration.Export;
using Gatehouse.Gateway.Configuration.Identity;
using Gatehouse.Gateway.Configuration.Limits;
using Gatehouse.Gateway.Configuration.Masking;
using Gatehouse.Gateway.Configuration.Notifications;
using Gatehouse.Gateway.Configuration.Policy;
using Gatehouse.Gateway.Configuration.Proxy;
using Gatehouse.Gateway.Configuration.ResponseHolds;
using Gatehouse.Gateway.Configuration.Roles;
using Gatehouse.Gateway.Configuration.Server;
using Gatehouse.Gateway.Configuration.Storage;
using Gatehouse.Gateway.Configuration.Telemetry;

namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>
/// Every top-level key of the configuration file, one line per feature. The order is the validation order: a
/// section comes after every section it depends on (a test holds the list to that and to docs/configuration.md).
/// </summary>
internal static class ConfigSections
{
    public static readonly IReadOnlyList<IConfigSection> All =
    [
        new ServerSection(),
        new IdentitySection(),
        new StorageSection(),
        new MaskingSection(),
        new PolicySection(),
        new AuditSection(),
        new ConnectionsSection(),
        new AgentsSection(),
        new AccessSection(),
        new ProxySection(),
        new ExportSection(),
        new LimitsSection(),
        new TelemetrySection(),
        new NotificationsSection(),
        new ResponseHoldsSection(),
        new RolesSection(),
        new ConsoleSection(),
        new DevelopmentSection(),
    ];
}
