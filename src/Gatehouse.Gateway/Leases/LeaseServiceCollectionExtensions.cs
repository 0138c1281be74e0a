using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Leases;

/// <summary>Registers the lease keeper. The host's store registers the <c>ILeaseStore</c> and the <c>WriterIdentity</c>.</summary>
internal static class LeaseServiceCollectionExtensions
{
    /// <summary>Adds the keeper as a hosted service, before the jobs that run under its leases (so it stops after them).</summary>
    public static IServiceCollection AddLeaseKeeper(this IServiceCollection services, LeaseConfig config)
    {
        services.TryAddSingleton(sp => new LeaseKeeper(
            sp.GetRequiredService<Gatehouse.Storage.Leases.ILeaseStore>(),
            sp.GetRequiredService<Gatehouse.Storage.Leases.WriterIdentity>(),
            config,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeaseKeeper>>()));
        services.AddHostedService(sp => sp.GetRequiredService<LeaseKeeper>());
        return services;
    }
}
