using Gatehouse.Export.Running;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.Export;

/// <summary>Registers the audit export.</summary>
internal static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// Adds the export loops when <paramref name="config"/> has sinks. The host must register an
    /// <c>IExportCursorStore</c> beside the <c>IAuditStore</c> (every store provider registers both).
    /// </summary>
    public static IServiceCollection AddGatehouseExport(this IServiceCollection services, ExportConfig config)
    {
        services.AddSingleton(config);
        services.AddSingleton<ExportMetrics>();
        if (config.Sinks.Count > 0)
        {
            services.AddHostedService<ExportService>();
        }

        return services;
    }
}
