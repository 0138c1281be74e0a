namespace Gatehouse.Control.Webhooks;

/// <summary>One fact a kind of review item adds to a notice, beyond what every item has (id, state, requester, connection).</summary>
/// <param name="Name">The field's name in the JSON object, for example <c>rule</c>.</param>
/// <param name="Value">The value; null when the store could not be read.</param>
/// <param name="Label">The label Slack shows it under; null to leave it out of Slack.</param>
/// <param name="Footnote">Whether Slack shows it below the fields, in code type (a digest), rather than as a field.</param>
internal sealed record ReviewDetail(string Name, string? Value, string? Label = null, bool Footnote = false);
