using Microsoft.AspNetCore.Builder;

namespace Gatehouse.Control.Authorization;

/// <summary>How a control-plane API endpoint states who may call it.</summary>
internal static class ControlEndpointConventions
{
    /// <summary>
    /// Requires <paramref name="policy"/> (see <see cref="ControlPolicies"/>) and answers a refusal in problem+json: 401
    /// with the identity failure, 403 with <paramref name="forbidden"/>.
    /// </summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, string policy, ForbiddenProblem forbidden)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(forbidden);
        return builder.RequireAuthorization(policy).WithMetadata(forbidden);
    }
}
