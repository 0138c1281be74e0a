using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Routing;
using Gatehouse.Policy;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>
/// One exchange as it travels through the stages: each stage reads it and adds to it, and the audit record is its
/// final state. Owned by one request; not thread-safe.
/// </summary>
internal sealed class Exchange
{
    private readonly TimeProvider _time;

    public Exchange(string id, TimeProvider time, string method)
    {
        _time = time;
        Id = id;
        StartedAt = time.GetUtcNow();
        StartTimestamp = time.GetTimestamp();
        Method = method;
    }

    public string Id { get; }

    public DateTimeOffset StartedAt { get; }

    public long StartTimestamp { get; }

    public string Method { get; }

    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }

    public GatehouseIdentity? Caller { get; set; }

    public RoutedConnection? Connection { get; set; }

    /// <summary>Gets or sets the connections the caller holds an active just-in-time grant to (policy's <c>grants</c>).</summary>
    public IReadOnlyList<string> Grants { get; set; } = [];

    /// <summary>Gets or sets the path forwarded upstream: the part after <c>/{connection}</c>.</summary>
    public string UpstreamPath { get; set; } = "";

    /// <summary>Gets or sets the query (with its <c>?</c>) as it is forwarded and recorded: masked on masking connections.</summary>
    public string? Query { get; set; }

    public IProtocolAdapter? Adapter { get; set; }

    public ApiKind Api => Adapter?.Api ?? ApiKind.Http;

    public ParsedRequest? Request { get; set; }

    /// <summary>Gets or sets the request body exactly as it is forwarded.</summary>
    public ReadOnlyMemory<byte> RequestBody { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the body was refused unmasked (compressed, malformed, unreadable, or
    /// holding a secret split across two pieces that cannot be masked in place), so the audit records its size only:
    /// its text may hold exactly what masking would have removed.
    /// </summary>
    public bool RequestBodyWithheld { get; set; }

    /// <summary>Gets or sets what the gateway decided; its stable name is written once, into the audit intent (<see cref="ExchangeRecords"/>).</summary>
    public Decisions.ExchangeDecision Decision { get; set; } = Decisions.ExchangeDecision.Allow;

    /// <summary>Gets or sets the approval the request waits for (its requirement and rule), when policy holds it.</summary>
    public (Gatehouse.Policy.ApprovalRequirement Requirement, string Rule)? HeldFor { get; set; }

    /// <summary>Gets or sets what policy may hold of the response (decided at request time), or null when nothing.</summary>
    public ResponseHolds.ResponseHoldPlan? ResponseHold { get; set; }

    /// <summary>Gets or sets how a held response ended, for the outcome record.</summary>
    public Audit.Records.AuditResponseHold? ResponseHoldOutcome { get; set; }

    /// <summary>Gets or sets the policy rules that decided the exchange, in the order they matched.</summary>
    public IReadOnlyList<string> DecidingRules { get; set; } = [];

    /// <summary>Gets or sets a value indicating whether the audit keeps metadata only (no prompt or response text).</summary>
    public bool AuditMetadataOnly { get; set; }

    /// <summary>Gets or sets the response masking in force: the connection's, or stricter when policy says so.</summary>
    public MaskingMode ResponseMasking { get; set; } = MaskingMode.Mask;

    public string? DecisionReason { get; set; }

    public Coverage Coverage { get; set; }

    /// <summary>Gets what masking found in the request (rules and fingerprints, never values).</summary>
    public List<Audit.Records.AuditFinding> RequestFindings { get; } = [];

    /// <summary>Gets what masking found in the response.</summary>
    public List<Audit.Records.AuditFinding> ResponseFindings { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether the intent could not be written before forwarding (failure mode open),
    /// so it is written with the outcome instead.
    /// </summary>
    public bool IntentDeferred { get; set; }

    public long? UpstreamHeadersTimestamp { get; private set; }

    public int? UpstreamStatus { get; private set; }

    public string? UpstreamContentType { get; private set; }

    /// <summary>Gets why the exchange did not end cleanly, or null; its stable name is written only at the boundaries.</summary>
    public ExchangeFailureCode? Failure { get; private set; }

    public string? FailureDetail { get; private set; }

    /// <summary>Gets or sets how many bytes of response body reached the client (or were held for it).</summary>
    public long ResponseBytes { get; set; }

    /// <summary>Gets or sets the pins an MCP <c>tools/list</c> answer is checked against, or null when it is not one.</summary>
    public Mcp.Pinning.McpToolListing? ToolListing { get; set; }

    /// <summary>Gets or sets what the response said, as captured for the audit (null when none was captured).</summary>
    public ResponseSummary? ResponseSummary { get; set; }

    public TimeSpan Elapsed => _time.GetElapsedTime(StartTimestamp);

    public TimeSpan? UpstreamElapsed
        => UpstreamHeadersTimestamp is { } t ? _time.GetElapsedTime(StartTimestamp, t) : null;

    public void OnUpstreamHeaders(HttpResponseMessage? response)
    {
        UpstreamHeadersTimestamp ??= _time.GetTimestamp();
        UpstreamStatus = response is null ? null : (int)response.StatusCode;
        UpstreamContentType = response?.Content.Headers.ContentType?.MediaType;
    }

    /// <summary>Records why the exchange did not end cleanly; the first failure wins.</summary>
    public void Fail(ExchangeFailureCode code, string detail)
    {
        if (Failure is null)
        {
            Failure = code;
            FailureDetail = detail;
        }
    }
}
