using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;

namespace Gatehouse.Gateway.AuditApi;

/// <summary>Which exchanges a caller may read: admins and auditors every one, anyone else only those they made.</summary>
internal static class AuditReach
{
    /// <summary>Returns whether <paramref name="caller"/> holds a role that reads the whole audit trail.</summary>
    public static bool ReadsEveryone(GatehouseIdentity caller, RolesConfig roles)
        => roles.Admin.Admits(caller.Subject, caller.Email, caller.Groups)
            || roles.Auditor.Admits(caller.Subject, caller.Email, caller.Groups);

    /// <summary>Returns whether a <c>user</c> filter names the caller (by subject or e-mail).</summary>
    public static bool IsSelf(GatehouseIdentity caller, string user)
        => string.Equals(user, caller.Subject, StringComparison.Ordinal)
            || (caller.Email is not null && string.Equals(user, caller.Email, StringComparison.OrdinalIgnoreCase));
}
