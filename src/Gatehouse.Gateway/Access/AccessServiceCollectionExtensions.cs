using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Access;

/// <summary>Registers just-in-time access; the host registers the <c>IGrantStore</c>.</summary>
internal static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddGatehouseAccess(this IServiceCollection services)
    {
        services.AddSingleton<ActiveGrants>();
        return services;
    }
}
