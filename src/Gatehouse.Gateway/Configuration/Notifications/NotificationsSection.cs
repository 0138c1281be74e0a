using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Notifications;

/// <summary><c>notifications</c>: the outgoing webhooks for approvals and checkpoints (<see cref="NotificationsBinder"/>).</summary>
internal sealed class NotificationsSection : ConfigSection<NotificationsConfig>
{
    public override string Key => "notifications";

    public override NotificationsConfig Read(GatehouseConfig config) => config.Notifications;

    public override GatehouseConfig Write(GatehouseConfig config, NotificationsConfig? options) => config with { Notifications = options ?? new() };

    public override NotificationsConfig Bind(SectionReader section, SectionBindContext context) => NotificationsBinder.Bind(section, context.Environment);
}
