namespace Gatehouse.Control.Webhooks;

/// <summary>Where a reviewer finds one review item and how they decide it.</summary>
/// <param name="Url">The item's API address.</param>
/// <param name="ApproveCommand">The CLI command that approves it.</param>
/// <param name="RejectCommand">The CLI command that rejects it.</param>
internal sealed record ReviewAddress(string Url, string ApproveCommand, string RejectCommand);
