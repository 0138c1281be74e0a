using Microsoft.AspNetCore.Authorization;

namespace Gatehouse.Control.Authorization;

/// <summary>Requires the caller to hold <paramref name="Role"/>; decided by <see cref="RoleHandler"/>.</summary>
/// <param name="Role">The role required.</param>
internal sealed record RoleRequirement(GatehouseRole Role) : IAuthorizationRequirement;
