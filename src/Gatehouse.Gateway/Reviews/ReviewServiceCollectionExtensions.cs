using Gatehouse.Gateway.Access;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Leases;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Reviews;

/// <summary>Registers the review workflow's background part: one sweeper over every kind of review item.</summary>
internal static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReviewSweeper(this IServiceCollection services)
    {
        services.AddSingleton<IReviewSweep, ApprovalSweep>();
        services.AddSingleton<IReviewSweep, GrantSweep>();
        services.AddHostedService(sp => new ReviewSweeper(
            sp.GetServices<IReviewSweep>(),
            sp.GetRequiredService<LeaseKeeper>().For(Gatehouse.Storage.Leases.LeaseNames.ReviewSweep),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ReviewSweeper>>()));
        return services;
    }
}
