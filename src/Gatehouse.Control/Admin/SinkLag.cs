namespace Gatehouse.Control.Admin;

/// <summary>One export sink as the admin page shows it: how far it has sent and how far behind the log it is.</summary>
/// <param name="Name">The sink's name (<c>export.sinks[].name</c>).</param>
/// <param name="Format">The record format it sends.</param>
/// <param name="Sent">The last audit sequence the sink acknowledged.</param>
/// <param name="Lag">The entries appended after <paramref name="Sent"/>, not yet sent.</param>
internal sealed record SinkLag(string Name, string Format, long Sent, long Lag);
