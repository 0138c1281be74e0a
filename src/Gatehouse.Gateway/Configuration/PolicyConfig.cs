namespace Gatehouse.Gateway.Configuration;

/// <summary>The policy file, when exchanges are decided by policy rather than by connection allow-lists alone.</summary>
public sealed record PolicyConfig
{
    /// <summary>
    /// Gets the policy YAML file; the default, null, decides by each connection's <c>allowGroups</c> only. The file is
    /// watched and reloaded; an invalid edit keeps the last good policy.
    /// </summary>
    public string? File { get; init; }
}
