namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads the <c>access</c> section: <c>access.connections.&lt;name&gt;</c> with reviewers and limits; what they must name is checked by <c>AccessSection</c>.</summary>
internal static class AccessBinder
{
    public static AccessConfig Bind(SectionReader s)
    {
        var byName = new Dictionary<string, AccessConnectionConfig>(StringComparer.OrdinalIgnoreCase);
        var section = s.Child("connections");
        if (section is not null && section.Mapping is null)
        {
            s.Errors.Add(section, "must be a section with one entry per connection name");
        }

        foreach (var (name, node) in section?.Mapping ?? [])
        {
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
