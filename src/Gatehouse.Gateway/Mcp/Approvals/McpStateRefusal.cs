using Gatehouse.Audit.Records;

namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>Why a stateless retry was refused: one of the <c>request_state_*</c> codes and what to do.</summary>
internal sealed record McpStateRefusal(ExchangeFailureCode Code, string Detail);
