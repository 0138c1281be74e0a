using Gatehouse.Gateway.Access;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Leases;
using Gatehouse.Gateway.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.Reviews;

/// <summary>Registers the review workflow's control-plane part: the decisions, the one reader, one sweeper over every kind.</summary>
internal static class ReviewServiceCollectionExtensions
{
    /// <summary>Adds what the review API and the console's inbox decide and read through.</summary>
    public static IServiceCollection AddReviewDecisions(this IServiceCollection services)
    {
        services.AddSingleton<ApprovalReviews>();
        services.AddSingleton<AccessReviews>();
        services.AddSingleton<ReviewItemReader>();
        return services;
    }

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
