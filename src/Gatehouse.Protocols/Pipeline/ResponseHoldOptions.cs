namespace Gatehouse.Protocols.Pipeline;

/// <summary>How a response that policy may hold is held.</summary>
/// <param name="FromStart">Whether everything is held, text included, rather than from the first tool call.</param>
/// <param name="MaxHeldBytes">The most bytes held; more makes the hold's error (fail closed).</param>
public sealed record ResponseHoldOptions(bool FromStart, int MaxHeldBytes);
