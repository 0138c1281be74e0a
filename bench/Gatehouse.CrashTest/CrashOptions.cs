namespace Gatehouse.CrashTest;

/// <summary>How a crash-consistency run is driven.</summary>
public sealed record CrashOptions
{
    /// <summary>Gets how many times the gateway is killed; the default is 20.</summary>
    public int Kills { get; init; } = 20;

    /// <summary>Gets the seed of the kill moments; the default is 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets how many streams the client keeps open at once; the default is 8.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Gets the shortest time the gateway serves load before it is killed; the default is 300 ms.</summary>
    public TimeSpan MinUptime { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Gets the longest time the gateway serves load before it is killed; the default is 1.5 s.</summary>
    public TimeSpan MaxUptime { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Gets how many events each upstream stream has; the default is 12.</summary>
    public int EventsPerStream { get; init; } = 12;

    /// <summary>Gets the pause between upstream events; the default is 10 ms.</summary>
    public TimeSpan EventPause { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Gets the built gateway to run; the default is the gatehouse.dll beside this tool.</summary>
    public string GatehouseDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "gatehouse.dll");

    /// <summary>Gets whether <c>gatehouse audit verify</c> runs after every restart (true) or only at the end.</summary>
    public bool VerifyEachRestart { get; init; } = true;

    /// <summary>Gets the gateway's <c>audit.durability</c>, <c>fsync</c> or <c>process</c>; the default is fsync.</summary>
    public string Durability { get; init; } = "fsync";
}
