using Gatehouse.Policy.Durations;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads <c>audit.retention</c> and each connection's <c>retention</c> block, what their periods may be.</summary>
internal static class RetentionBinder
{
    private static readonly TimeSpan Shortest = TimeSpan.FromHours(1);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(36_500);

    public static AuditRetentionConfig BindAudit(SectionReader s)
    {
        var defaults = new AuditRetentionConfig();
        var config = new AuditRetentionConfig
        {
            Bodies = Period(s, "bodies") ?? defaults.Bodies,
            Records = Period(s, "records") ?? defaults.Records,
            Interval = s.Duration("interval", defaults.Interval, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)),
            BatchSize = (int)s.Long("batchSize", defaults.BatchSize, 1, 10_000),
        };
        s.ReportUnknownKeys();
        return config;
    }

    public static ConnectionRetentionConfig BindConnection(SectionReader s)
    {
        var config = new ConnectionRetentionConfig { Bodies = Period(s, "bodies"), Records = Period(s, "records") };
        s.ReportUnknownKeys();
        return config;
    }

    /// <summary>Why record retention without <c>audit.checkpoints</c> is refused; the audit and connections sections check it.</summary>
    public const string NeedsCheckpoints = "removing records needs audit.checkpoints (a signed checkpoint vouches for every removed record)";

    private static RetentionPeriod? Period(SectionReader s, string key)
    {
        var text = s.String(key);
        if (text is null)
        {
            return null;
        }

        var result = DurationGrammar.Parse(text, new DurationRange(Shortest, Longest, "forever"));
        if (result.IsUnbounded)
        {
            return RetentionPeriod.Forever;
        }

        if (result.Value is { } keep)
        {
            return new RetentionPeriod(keep);
        }

        s.Errors.Add(s.ChildPath(key), null, result.Error!);
        return null;
    }
}
