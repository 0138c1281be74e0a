using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;

namespace Gatehouse.Control.Authorization;

/// <summary>
/// Whether a caller holds a role of <c>roles:</c>. The admin and audit APIs and the console's pages all ask here, so a
/// person has the same rights through a bearer token and through a console session.
/// </summary>
internal static class RoleCheck
{
    /// <summary>Returns whether <paramref name="caller"/> is one of the gateway's admins (<c>roles.admin</c>).</summary>
    public static bool IsAdmin(GatehouseIdentity caller, RolesConfig roles)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Admin.Admits(caller.Subject, caller.PrincipalKey, caller.VerifiedEmail, caller.Groups);
    }

    /// <summary>Returns whether <paramref name="caller"/> reads the whole audit trail: an admin or an auditor (<c>roles.auditor</c>).</summary>
    public static bool ReadsWholeAudit(GatehouseIdentity caller, RolesConfig roles)
        => IsAdmin(caller, roles) || roles.Auditor.Admits(caller.Subject, caller.PrincipalKey, caller.VerifiedEmail, caller.Groups);
}
