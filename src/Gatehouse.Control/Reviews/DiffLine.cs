namespace Gatehouse.Control.Reviews;

/// <summary>One line of a held edit as the inbox shows it: added, removed, a hunk header or context.</summary>
internal sealed record DiffLine(DiffLineKind Kind, string Text);
