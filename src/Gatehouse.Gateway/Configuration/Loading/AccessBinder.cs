namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads the <c>access</c> section: <c>access.connections.&lt;name&gt;</c> with reviewers and limits.</summary>
internal static class AccessBinder
{
    public static AccessConfig Bind(SectionReader s, IReadOnlyList<ConnectionConfig> connections)
    {
        var known = new HashSet<string>(connections.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, AccessConnectionConfig>(StringComparer.OrdinalIgnoreCase);
        var section = s.Child("connections");
        if (section is not null && section.Mapping is null)
        {
            s.Errors.Add(section, "must be a section with one entry per connection name");
        }

        foreach (var (name, node) in section?.Mapping ?? [])
        {
            if (!known.Contains(name))
            {
                s.Errors.Add(node.Path, node.Origin, $"there is no connection named '{name}'");
            }

            byName[name] = BindConnection(new SectionReader(node, s.Errors));
        }

        s.ReportUnknownKeys();
        return new AccessConfig { Connections = byName };
    }

    private static AccessConnectionConfig BindConnection(SectionReader s)
    {
        var reviewers = s.Section("reviewers");
        var groups = reviewers.StringList("groups") ?? [];
        var users = reviewers.StringList("users") ?? [];
        reviewers.ReportUnknownKeys();
        if (groups.Count == 0 && users.Count == 0)
        {
            s.Errors.Add(reviewers.Path, null, "name at least one reviewer group or user");
        }

        var config = new AccessConnectionConfig
        {
            ReviewerGroups = groups,
            ReviewerUsers = users,
            ApprovalsNeeded = (int)s.Long("approvalsNeeded", 1, 1, 100),
            DenyThreshold = (int)s.Long("denyThreshold", 1, 1, 100),
            MaxDuration = s.Duration("maxDuration", AccessConnectionConfig.DefaultMaxDuration, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30)),
            Timeout = s.Duration("timeout", AccessConnectionConfig.DefaultTimeout, TimeSpan.FromSeconds(10), TimeSpan.FromDays(7)),
        };
        s.ReportUnknownKeys();
        return config;
    }
}
