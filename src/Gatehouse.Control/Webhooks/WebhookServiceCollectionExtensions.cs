using Gatehouse.Export.Webhooks;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Control.Checkpoints;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Development;
using Gatehouse.Gateway.Mcp.Pinning;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.Webhooks;

/// <summary>Registers the outgoing webhooks, when the configuration has any.</summary>
internal static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddGatehouseWebhooks(this IServiceCollection services, GatehouseConfig config)
    {
        if (config.Notifications.Webhooks.Count == 0)
        {
            return services;
        }

        // No redirects: a signed body must not follow a 3xx to a host nobody configured. Timeouts are per webhook.
        services.AddHttpClient(WebhookPoster.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();
        services.AddSingleton(config.Notifications);
        services.AddSingleton(new ReviewLinks(DevIssuer.PublicBase(config.Server)));
        services.AddSingleton(new WebhookDeliveryOptions());
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton(sp => new WebhookSender(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<WebhookFailureAudit>();
        services.AddSingleton<WebhookDelivery>();
        services.AddSingleton<IApprovalEvents, ApprovalWebhooks>();
        services.AddSingleton<IApprovalEvents, GrantWebhooks>();
        services.AddSingleton<ICheckpointObserver, CheckpointWebhooks>();
        services.AddSingleton<IMcpToolNotifications, McpToolWebhooks>();
        services.AddHostedService<WebhookService>();
        return services;
    }
}
