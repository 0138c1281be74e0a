namespace Gatehouse.Control.Reviews;

/// <summary>The body of an approve or reject call: the reviewer's justification.</summary>
internal sealed record ReviewInput(string? Justification);
