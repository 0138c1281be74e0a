using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.Authorization;

/// <summary>Registers the control plane's authorization policies, their role handler and the problem+json refusals.</summary>
internal static class AuthorizationServiceCollectionExtensions
{
    public static IServiceCollection AddControlAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ControlPolicies.Caller, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(ControlPolicies.Admin, policy => policy.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(GatehouseRole.Admin)))
            .AddPolicy(ControlPolicies.Auditor, policy => policy.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(GatehouseRole.Auditor)));
        services.AddSingleton<IAuthorizationHandler, RoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ControlApiResultHandler>();
        return services;
    }
}
