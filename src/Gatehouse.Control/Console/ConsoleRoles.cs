using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Control.Console;

/// <summary>The roles a console user holds, in words, from the same <c>roles:</c> configuration the API reads.</summary>
internal static class ConsoleRoles
{
    public static IReadOnlyList<string> Of(ConsoleUser user, RolesConfig roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        var held = new List<string>();
        if (user.Holds(roles.Admin))
        {
            held.Add("admin");
        }

        if (user.Holds(roles.Auditor) || user.Holds(roles.Admin))
        {
            held.Add("auditor");
        }

        return held;
    }
}
