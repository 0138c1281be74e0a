using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Authorization;

namespace Gatehouse.Control.Authorization;

/// <summary>Decides <see cref="RoleRequirement"/> with <see cref="RoleCheck"/> over the configuration's <c>roles:</c>.</summary>
internal sealed class RoleHandler(GatehouseConfig config) : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (ControlCaller.Of(context.User) is { } caller)
        {
            var holds = requirement.Role switch
            {
                GatehouseRole.Admin => RoleCheck.IsAdmin(caller, config.Roles),
                GatehouseRole.Auditor => RoleCheck.ReadsWholeAudit(caller, config.Roles),
                _ => false,
            };
            if (holds)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
