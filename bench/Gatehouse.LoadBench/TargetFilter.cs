namespace Gatehouse.LoadBench;

/// <summary>
/// <c>--targets NAME[,NAME]</c>: which targets and passes a run measures. Each name is a short key or a row's name as
/// the report prints it (any case). Target keys: <c>direct</c>, <c>yarp</c>, <c>portkey</c>, <c>audit</c>
/// (auth + audit), <c>masking</c>, <c>policy</c> (all on, API key), <c>oidc</c> (all on, OIDC token), <c>process</c>
/// (all on, OIDC, durability process), <c>sessions</c> (the agent sessions), and <c>oidc-dev</c> (all on in
/// <c>serve --dev</c> with its own token, measured only when named). Pass keys: <c>load</c>, <c>one</c>,
/// <c>stream</c>, <c>held</c>, <c>agent-load</c>, <c>agent-one</c>. Naming no target runs every target of the named
/// passes; naming no pass runs every pass of the named targets.
/// </summary>
internal sealed class TargetFilter
{
    public const string Direct = "direct";
    public const string Yarp = "yarp";
    public const string Portkey = "portkey";
    public const string Sessions = "sessions";
    public const string DevMode = "oidc-dev";
    public const string LoadPass = "load";
    public const string OnePass = "one";
    public const string StreamPass = "stream";
    public const string HeldPass = "held";
    public const string AgentLoadPass = "agent-load";
    public const string AgentOnePass = "agent-one";

    private static readonly Dictionary<string, string> TargetNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [Direct] = "direct",
        [Yarp] = "bare YARP",
        [Portkey] = PortkeyPeer.Name,
        ["audit"] = LoadRun.LayerName(GatewayLayers.Audit),
        ["masking"] = LoadRun.LayerName(GatewayLayers.Masking),
        ["policy"] = LoadRun.LayerName(GatewayLayers.Policy),
        ["oidc"] = GatewaySetup.EverythingOn.Name,
        ["process"] = GatewaySetup.ProcessDurability.Name,
        [DevMode] = GatewaySetup.DevMode.Name,
        [Sessions] = LoadRun.SessionsName,
    };

    private static readonly string[] PassKeys = [LoadPass, OnePass, StreamPass, HeldPass, AgentLoadPass, AgentOnePass];

    private readonly HashSet<string> _targets;
    private readonly HashSet<string> _passes;

    private TargetFilter(HashSet<string> targets, HashSet<string> passes)
    {
        _targets = targets;
        _passes = passes;
    }

    /// <summary>Gets the filter of a run that names nothing: every target but <c>oidc-dev</c>, every pass.</summary>
    public static TargetFilter All { get; } = new([], []);

    /// <summary>Gets whether the run measures only some targets or passes (and so must not rewrite the benchmark page).</summary>
    public bool Filtered => _targets.Count + _passes.Count > 0;

    /// <summary>Gets the short keys and names accepted, for <c>--help</c> and errors.</summary>
    public static string Known => string.Join(", ", TargetNames.Keys) + "; passes: " + string.Join(", ", PassKeys);

    public static TargetFilter Parse(string list)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        var passes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (PassKeys.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase)) is { } pass)
            {
                passes.Add(pass);
            }
            else if (TargetNames.FirstOrDefault(t => string.Equals(t.Key, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t.Value, name, StringComparison.OrdinalIgnoreCase)) is { Value: { } target })
            {
                targets.Add(target);
            }
            else
            {
                throw new ArgumentException($"--targets: unknown name '{name}'; known: {Known}");
            }
        }

        return targets.Count + passes.Count == 0 ? throw new ArgumentException($"--targets: name at least one of: {Known}") : new(targets, passes);
    }

    /// <summary>Returns whether the target named <paramref name="name"/> (as in the report) runs.</summary>
    public bool Runs(string name) =>
        _targets.Count == 0 ? name != GatewaySetup.DevMode.Name : _targets.Contains(name);

    /// <summary>Returns whether <paramref name="target"/> runs the pass <paramref name="pass"/> (one of the pass keys).</summary>
    public bool Runs(string target, string pass) => Runs(target) && (_passes.Count == 0 || _passes.Contains(pass));
}
