namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>A CONNECT request's line and headers, as read from the raw connection.</summary>
/// <param name="Target">The authority-form target, <c>host:port</c>.</param>
/// <param name="Headers">The header fields in order; names as sent.</param>
internal sealed record ProxyRequestHead(string Target, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>Returns every value of the header <paramref name="name"/> (case-insensitive).</summary>
    public IReadOnlyList<string> Values(string name) =>
        [.. Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];

    /// <summary>Returns the first value of <paramref name="name"/>, or null.</summary>
    public string? First(string name) => Values(name) is [var first, ..] ? first : null;
}
