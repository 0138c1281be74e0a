namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads the <c>roles</c> section: <c>admin</c> and <c>auditor</c>, each with <c>groups</c> and <c>users</c>.</summary>
internal static class RolesBinder
{
    public static RolesConfig Bind(SectionReader s)
    {
        var config = new RolesConfig
        {
            Admin = Members(s.Section("admin")),
            Auditor = Members(s.Section("auditor")),
        };
        s.ReportUnknownKeys();
        return config;
    }

    private static RoleMembers Members(SectionReader s)
    {
        var members = new RoleMembers
        {
            Groups = Names(s, "groups"),
            Users = Names(s, "users"),
        };
        s.ReportUnknownKeys();
        return members;
    }

    private static IReadOnlyList<string> Names(SectionReader s, string key)
    {
        var names = s.StringList(key) ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                s.Errors.Add(ConfigNode.ItemPath(s.ChildPath(key), i), null, "must not be empty");
            }
        }

        return names;
    }
}
