using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Control.Authorization;

namespace Gatehouse.Control.AuditApi;

/// <summary>Which exchanges a caller may read: admins and auditors every one, anyone else only those they made.</summary>
internal static class AuditReach
{
    /// <summary>Returns whether <paramref name="caller"/> holds a role that reads the whole audit trail.</summary>
    public static bool ReadsEveryone(GatehouseIdentity caller, RolesConfig roles) => RoleCheck.ReadsWholeAudit(caller, roles);

    /// <summary>Returns whether the exchange made by <paramref name="maker"/> is the caller's own: a shared principal name.</summary>
    /// <remarks>Records written before principal names were kept belong to no one but the reading roles.</remarks>
    public static bool IsOwn(GatehouseIdentity caller, AuditIdentity maker)
        => maker.Principals is { } names && caller.PrincipalNames.Any(n => names.Contains(n, StringComparer.Ordinal));

    /// <summary>Returns whether a <c>user</c> filter names the caller (by subject or e-mail).</summary>
    public static bool IsSelf(GatehouseIdentity caller, string user)
        => string.Equals(user, caller.Subject, StringComparison.Ordinal)
            || string.Equals(user, caller.PrincipalKey, StringComparison.Ordinal)
            || (caller.VerifiedEmail is not null && string.Equals(user, caller.VerifiedEmail, StringComparison.OrdinalIgnoreCase));
}
