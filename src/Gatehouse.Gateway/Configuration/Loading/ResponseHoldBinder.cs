namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads the <c>responseHolds</c> section.</summary>
internal static class ResponseHoldBinder
{
    public static ResponseHoldConfig Bind(SectionReader s)
    {
        var d = new ResponseHoldConfig();
        var config = new ResponseHoldConfig
        {
            MaxHeldBytes = (int)s.Long("maxHeldBytes", d.MaxHeldBytes, 4096, 256L * 1024 * 1024),
            Heartbeat = s.Duration("heartbeat", d.Heartbeat, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)),
        };
        s.ReportUnknownKeys();
        return config;
    }
}
