using System.Text.RegularExpressions;

namespace Gatehouse.Gateway.ForwardProxy.Routing;

/// <summary>A host name, or <c>*.domain</c> for every name below <c>domain</c>, matched case-insensitively.</summary>
internal sealed partial record HostPattern
{
    private HostPattern(string text, string suffix, bool wildcard)
    {
        Text = text;
        Suffix = suffix;
        Wildcard = wildcard;
    }

    /// <summary>Gets the pattern as configured, lower-cased.</summary>
    public string Text { get; }

    private string Suffix { get; }

    private bool Wildcard { get; }

    /// <summary>Parses a pattern; null when it is neither a DNS name nor <c>*.</c> and one.</summary>
    public static HostPattern? TryParse(string text)
    {
        var lower = text.Trim().TrimEnd('.').ToLowerInvariant();
        var wildcard = lower.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? lower[2..] : lower;
        return name.Length is > 0 and <= 253 && DnsName().IsMatch(name)
            ? new HostPattern(lower, wildcard ? "." + name : name, wildcard)
            : null;
    }

    /// <summary>Returns whether <paramref name="host"/> (a DNS name, no port) matches.</summary>
    public bool Matches(string host)
    {
        var name = host.TrimEnd('.');
        return Wildcard
            ? name.Length > Suffix.Length && name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
            : string.Equals(name, Suffix, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex DnsName();
}
