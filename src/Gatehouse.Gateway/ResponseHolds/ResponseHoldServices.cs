using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>Registers the holding of responses for review.</summary>
internal static class ResponseHoldServices
{
    public static IServiceCollection AddResponseHolds(this IServiceCollection services)
    {
        services.AddSingleton<ResponseHoldAudit>();
        services.AddSingleton<ResponseReviewer>();
        services.AddSingleton<ResponseHoldStage>();
        return services;
    }
}
