using Gatehouse.Gateway.Configuration;
using Gatehouse.Control.Authorization;

namespace Gatehouse.Control.Console;

/// <summary>The roles a console user holds, in words, decided by the API's own <see cref="RoleCheck"/> over the same <c>roles:</c>.</summary>
internal static class ConsoleRoles
{
    public static IReadOnlyList<string> Of(ConsoleUser user, RolesConfig roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        var held = new List<string>();
        if (RoleCheck.IsAdmin(user.Identity, roles))
        {
            held.Add("admin");
        }

        if (RoleCheck.ReadsWholeAudit(user.Identity, roles))
        {
            held.Add("auditor");
        }

        return held;
    }
}
