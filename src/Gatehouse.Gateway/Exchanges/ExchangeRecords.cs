using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Decisions;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>Turns an exchange's state into the two halves of its audit record.</summary>
internal static class ExchangeRecords
{
    public static ExchangeIntent Intent(Exchange exchange, AuditConfig audit)
    {
        var caller = exchange.Caller!;
        var pieces = exchange.AuditMetadataOnly || exchange.Request is null || exchange.RequestBodyWithheld
            ? null
            : PromptPieces.Of(exchange.Request.Messages, audit.TextCapChars);
        // A parsed prompt is given as its pieces only, already encoded: the audit stores them as they are, so the whole
        // prompt is never joined into one more string (for an agent's 49 KB request, a 100 KB copy on the large-object
        // heap), nor each message copied into a piece string before it is encoded (another 96 KB).
        var prompt = exchange.AuditMetadataOnly ? null : pieces is null ? Cap(PromptText(exchange, audit), audit.TextCapChars) : pieces.Count == 0 ? "" : null;
        return new ExchangeIntent
        {
            ExchangeId = exchange.Id,
            StartedAt = exchange.StartedAt,
            Identity = new AuditIdentity(caller.Subject, caller.Email, caller.Groups, caller.Issuer, caller.KeyId, caller.Method)
            {
                Principals = caller.PrincipalNames,
            },
            ClientAddress = exchange.ClientAddress,
            UserAgent = exchange.UserAgent,
            Connection = exchange.Connection?.Name ?? "",
            Method = exchange.Method,
            Path = exchange.UpstreamPath + exchange.Query,
            Api = exchange.Api.ToName(),
            Model = exchange.Request?.Model,
            Stream = exchange.Request?.Stream ?? false,
            Prompt = prompt,
            PromptEncodedParts = pieces,
            RequestBytes = exchange.RequestBody.Length,
            Findings = [.. exchange.RequestFindings],
            Decision = exchange.Decision.ToName(),
            Rules = exchange.DecidingRules,
            DecisionReason = exchange.DecisionReason,
        };
    }

    public static ExchangeOutcome Outcome(Exchange exchange, int status, ResponseSummary? response, AuditConfig audit) => new()
    {
        ExchangeId = exchange.Id,
        CompletedAt = exchange.StartedAt + exchange.Elapsed,
        Status = status,
        DurationMs = exchange.Elapsed.TotalMilliseconds,
        UpstreamMs = exchange.UpstreamElapsed?.TotalMilliseconds,
        Model = response?.Model,
        Response = response is null || exchange.AuditMetadataOnly ? null : Cap(response.Text, audit.TextCapChars),
        ToolCalls = response is null ? [] : ToolCalls(exchange, response.ToolCalls, audit),
        InputTokens = response?.Usage?.InputTokens,
        OutputTokens = response?.Usage?.OutputTokens,
        FinishReason = response?.FinishReason,
        ResponseBytes = exchange.ResponseBytes,
        Findings = [.. exchange.ResponseFindings],
        Coverage = CoverageNames.Of(exchange.Coverage),
        Failure = exchange.Failure?.ToName(),
        FailureDetail = exchange.FailureDetail,
        ResponseHold = exchange.ResponseHoldOutcome,
    };

    // The prompt of a request no adapter parsed (opaque HTTP) or refused before masking; a parsed one is its pieces.
    private static string? PromptText(Exchange exchange, AuditConfig audit)
    {
        var body = exchange.RequestBody.Span;
        if (exchange.RequestBodyWithheld)
        {
            return $"[request body not recorded: refused before it could be masked, {body.Length} bytes]";
        }

        return body.IsEmpty ? null : OpaqueText.Describe(body[..Math.Min(body.Length, audit.BodyCapBytes)]);
    }

    /// <summary>The tool calls as the audit keeps them: masked like the rest of the response, each capped.</summary>
    public static IReadOnlyList<AuditToolCall> ToolCalls(Exchange exchange, IEnumerable<ToolCall> calls, AuditConfig audit)
        => [.. calls.Select(t => new AuditToolCall(t.Id, t.Name, exchange.AuditMetadataOnly ? "" : Cap(t.Arguments, audit.TextCapChars) ?? ""))];

    private static string? Cap(string? text, int max)
        => text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max), PromptPieces.Truncated);
}
