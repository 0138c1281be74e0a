using Gatehouse.Gateway.Access;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Leases;
using Gatehouse.Gateway.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.Reviews;

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
