namespace Gatehouse.Audit.Records;

/// <summary>
/// Why the gateway refused an exchange or why one did not end cleanly: the failure of an exchange's outcome record and
/// the code of the problem (or JSON-RPC error) its client gets. Written as its stable name
/// (<see cref="ExchangeFailureCodes.ToName"/>) only where it leaves the gateway: problem bodies, JSON-RPC errors, the
/// audit record, traces and log lines.
/// </summary>
/// <remarks>
/// It lives beside the outcome record because the data path writes it and the exporters read it back; the names are
/// listed in docs/operations.md ("Exchange failure and refusal codes").
/// </remarks>
public enum ExchangeFailureCode
{
    /// <summary>The source address sent too many requests that could not be identified (429). (<c>too_many_refusals</c>)</summary>
    TooManyRefusals,

    /// <summary>No connection has the name in the path (404). (<c>unknown_connection</c>)</summary>
    UnknownConnection,

    /// <summary>The caller is in none of the connection's groups and holds no grant to it (403). (<c>connection_forbidden</c>)</summary>
    ConnectionForbidden,

    /// <summary>The path holds a trick an upstream could read differently (400). (<c>invalid_path</c>)</summary>
    InvalidPath,

    /// <summary>A WebSocket or other protocol upgrade, which nothing could inspect (501). (<c>upgrade_not_supported</c>)</summary>
    UpgradeNotSupported,

    /// <summary>The request body is over <c>limits.maxRequestBodyBytes</c> (413). (<c>request_too_large</c>)</summary>
    RequestTooLarge,

    /// <summary>The request body ended early or arrived too slowly (400 or 408). (<c>request_body_incomplete</c>)</summary>
    RequestBodyIncomplete,

    /// <summary>A compressed body where bodies are inspected (415). (<c>unsupported_content_encoding</c>)</summary>
    UnsupportedContentEncoding,

    /// <summary>An understood API's body could not be read (400). (<c>invalid_request_body</c>)</summary>
    InvalidRequestBody,

    /// <summary>A JSON-RPC batch, each request of which is answered with a JSON-RPC error. (<c>mcp_batch_unsupported</c>)</summary>
    McpBatchUnsupported,

    /// <summary>The MCP-Protocol-Version header names a revision the gateway does not support (400). (<c>mcp_unsupported_protocol_version</c>)</summary>
    McpUnsupportedProtocolVersion,

    /// <summary>The MCP headers do not mirror the JSON-RPC body (400). (<c>mcp_header_mismatch</c>)</summary>
    McpHeaderMismatch,

    /// <summary>A body that a masking connection cannot read (415). (<c>uninspectable_request_body</c>)</summary>
    UninspectableRequestBody,

    /// <summary>A secret split across two messages or parts, which cannot be masked in place (422). (<c>split_secret</c>)</summary>
    SplitSecret,

    /// <summary>Secrets or personal data on a connection or under a rule that blocks them (422). (<c>request_blocked</c>)</summary>
    RequestBlocked,

    /// <summary>Policy denied the request, or the held response. (<c>policy_denied</c>)</summary>
    PolicyDenied,

    /// <summary>Policy may hold a response the gateway cannot hold (403). (<c>response_hold_unavailable</c>)</summary>
    ResponseHoldUnavailable,

    /// <summary>A call of a tool whose pinned definition is not accepted. (<c>mcp_tool_not_accepted</c>)</summary>
    McpToolNotAccepted,

    /// <summary>The connection's pinned tool definitions could not be read (503). (<c>mcp_pins_unavailable</c>)</summary>
    McpPinsUnavailable,

    /// <summary>The intent could not be recorded, so nothing was forwarded (503). (<c>audit_unavailable</c>)</summary>
    AuditUnavailable,

    /// <summary>Forwarded before its intent was durable (<c>audit.failureMode: open</c>); recorded, never answered. (<c>audit_intent_late</c>)</summary>
    AuditIntentLate,

    /// <summary>The caller already has <c>limits.maxHoldsPerCaller</c> exchanges waiting for a reviewer (429). (<c>too_many_holds</c>)</summary>
    TooManyHolds,

    /// <summary>The caller already has <c>limits.maxPendingPerCaller</c> pending approval requests (429). (<c>too_many_pending</c>)</summary>
    TooManyPending,

    /// <summary>The wait for a reviewer ended with the approval still pending (409). (<c>approval_pending</c>)</summary>
    ApprovalPending,

    /// <summary>A reviewer rejected the held exchange, or its approval timed out (403). (<c>approval_rejected</c>)</summary>
    ApprovalRejected,

    /// <summary>The requester withdrew the review (403). (<c>approval_withdrawn</c>)</summary>
    ApprovalWithdrawn,

    /// <summary>The review could not be read or recorded (503). (<c>approval_unavailable</c>)</summary>
    ApprovalUnavailable,

    /// <summary>A held stateless MCP call was answered <c>input_required</c>; recorded, not an error to the client. (<c>approval_input_required</c>)</summary>
    ApprovalInputRequired,

    /// <summary>An MCP retry's request state was not issued by this deployment, or was changed. (<c>request_state_invalid</c>)</summary>
    RequestStateInvalid,

    /// <summary>An MCP retry's request state has lapsed. (<c>request_state_expired</c>)</summary>
    RequestStateExpired,

    /// <summary>An MCP retry's request state was issued for another call, caller or connection. (<c>request_state_mismatch</c>)</summary>
    RequestStateMismatch,

    /// <summary>An MCP retry's approval has already released its call once. (<c>request_state_used</c>)</summary>
    RequestStateUsed,

    /// <summary>The upstream did not answer within <c>limits.upstreamTimeout</c> (504). (<c>upstream_timeout</c>)</summary>
    UpstreamTimeout,

    /// <summary>The upstream could not be reached or closed the connection before answering (502). (<c>upstream_unreachable</c>)</summary>
    UpstreamUnreachable,

    /// <summary>The upstream failed while the request or response was under way (502). (<c>upstream_reset</c>)</summary>
    UpstreamReset,

    /// <summary>An MCP server answered a held call's stream with something other than a JSON-RPC message. (<c>upstream_error</c>)</summary>
    UpstreamError,

    /// <summary>Forwarding failed in a way no other code describes (502). (<c>forward_failed</c>)</summary>
    ForwardFailed,

    /// <summary>The client went away before the exchange ended; recorded, never answered. (<c>client_aborted</c>)</summary>
    ClientAborted,

    /// <summary>No agent of the connection's name is connected (503). (<c>agent_unavailable</c>)</summary>
    AgentUnavailable,

    /// <summary>The agent disconnected before the exchange ended (502). (<c>agent_disconnected</c>)</summary>
    AgentDisconnected,

    /// <summary>The agent has no upstream of the connection's name (404, answered by the agent). (<c>unknown_upstream</c>)</summary>
    UnknownUpstream,

    /// <summary>The stdio MCP server could not be run or ended (503). (<c>mcp_server_unavailable</c>)</summary>
    McpServerUnavailable,

    /// <summary>The upstream's response could not be parsed for the audit; recorded. (<c>malformed_response</c>)</summary>
    MalformedResponse,

    /// <summary>A response on a masked connection that could not be read, so it was cut (502 when not started). (<c>response_unreadable</c>)</summary>
    ResponseUnreadable,

    /// <summary>A response with secrets or personal data on a connection that blocks them (502 when not started). (<c>response_blocked</c>)</summary>
    ResponseBlocked,

    /// <summary>A response held for review that could not be read; the client gets a refusal in the API's shape. (<c>response_unreviewable</c>)</summary>
    ResponseUnreviewable,

    /// <summary>A malformed CONNECT, or its headers over 16 KiB (400). (<c>invalid_proxy_request</c>)</summary>
    InvalidProxyRequest,

    /// <summary>A CONNECT target not of the form host:port (400). (<c>invalid_connect_target</c>)</summary>
    InvalidConnectTarget,

    /// <summary>A request on the proxy port that is neither CONNECT nor absolute-form (400). (<c>not_a_proxy_request</c>)</summary>
    NotAProxyRequest,

    /// <summary>A CONNECT to a port not in <c>proxy.ports</c> (403). (<c>proxy_port_not_allowed</c>)</summary>
    ProxyPortNotAllowed,

    /// <summary>A CONNECT to a host the proxy neither intercepts nor tunnels (403). (<c>proxy_host_not_allowed</c>)</summary>
    ProxyHostNotAllowed,

    /// <summary>A plain-HTTP proxy request for a host the proxy does not intercept (403). (<c>proxy_host_not_intercepted</c>)</summary>
    ProxyHostNotIntercepted,

    /// <summary>The tunnel's host could not be resolved (502). (<c>proxy_target_unresolved</c>)</summary>
    ProxyTargetUnresolved,

    /// <summary>The tunnel's host resolves only to loopback, link-local or private addresses (403). (<c>proxy_target_not_allowed</c>)</summary>
    ProxyTargetNotAllowed,

    /// <summary>The tunnel's target could not be connected to (502). (<c>proxy_target_unreachable</c>)</summary>
    ProxyTargetUnreachable,
}
