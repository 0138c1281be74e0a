namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>The gateway's <c>input_required</c> answer to a held stateless call: where the review is, and the state to echo.</summary>
/// <param name="Url">The review: the console's inbox entry when the console is on, else the approvals API.</param>
/// <param name="Message">What the client shows its user beside the URL.</param>
/// <param name="State">The sealed request state (<see cref="McpStateSeal"/>).</param>
internal sealed record McpInputRequest(Uri Url, string Message, string State);
