using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Forwarding;
using Gatehouse.Gateway.Problems;
using Gatehouse.Storage.Approvals;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>What the data path writes to the client itself (rather than forwarding), and what it reads from it.</summary>
internal static class ExchangeResponses
{
    public static Task WriteProblemAsync(
        HttpContext context, int status, ExchangeFailureCode code, string title, string detail, string? exchangeId = null, Action<System.Text.Json.Utf8JsonWriter>? members = null)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        // Clear drops the headers too; a Retry-After set for this answer is part of it.
        var retryAfter = context.Response.Headers.RetryAfter;
        context.Response.Clear();
        if (retryAfter.Count > 0)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (exchangeId is not null)
        {
            context.Response.Headers[UpstreamTransformer.ExchangeHeader] = exchangeId;
        }

        return ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code.ToName(), title, status, detail) { ExchangeId = exchangeId, Members = members }, context.RequestAborted);
    }

    /// <summary>
    /// Answers a held request whose wait ended unapproved: 409 with a retry hint while pending, 403 when rejected or timed
    /// out, and 429 when the caller was over a hold cap so no reviewer was asked.
    /// </summary>
    public static async Task<int> WriteHeldEndAsync(HttpContext context, Exchange exchange, ApprovalOutcome outcome)
    {
        if (outcome.Limit is { } limit)
        {
            context.Response.Headers.RetryAfter = "30";
            await WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, limit.Code, "Too many requests held for review", limit.Detail, exchange.Id);
            exchange.Fail(limit.Code, limit.Detail);
            return StatusCodes.Status429TooManyRequests;
        }

        if (outcome.InputRequired is { } ask)
        {
            return await Mcp.Approvals.McpInputRequiredResponse.WriteAsync(context, exchange, outcome.Request!, ask);
        }

        if (outcome.StateRefused is { } refused)
        {
            exchange.Decision = Decisions.ExchangeDecision.Deny;
            exchange.DecisionReason = refused.Code.ToName();
            exchange.Fail(refused.Code, refused.Detail);
            return await WriteHeldAsync(context, exchange, StatusCodes.Status403Forbidden, refused.Code, "Request state refused", refused.Detail);
        }

        if (outcome.Unavailable)
        {
            const string Detail = "The gateway could not read the state of this request's review, so it was not forwarded. Send it again shortly; if it persists, tell the gateway's operators.";
            exchange.Fail(ExchangeFailureCode.ApprovalUnavailable, "the approval store failed while the request waited for review");
            return await WriteHeldAsync(context, exchange, StatusCodes.Status503ServiceUnavailable, ExchangeFailureCode.ApprovalUnavailable, "Approval unavailable", Detail);
        }

        var id = outcome.Request!.Id;
        if (outcome.Pending)
        {
            // Documented answer: the request is not lost; the identical request passes once a reviewer approves it.
            context.Response.Headers.RetryAfter = "30";
            exchange.Fail(ExchangeFailureCode.ApprovalPending, $"approval {id} still pending when the wait ended");
            return await WriteHeldAsync(context, exchange, StatusCodes.Status409Conflict, ExchangeFailureCode.ApprovalPending, "Waiting for approval",
                $"A reviewer must approve this request (approval {id}, rule '{outcome.Request.RuleName}'). Send the identical request again once it is approved; it will then pass.");
        }

        if (outcome.Request.State == ReviewState.Cancelled)
        {
            exchange.Fail(ExchangeFailureCode.ApprovalWithdrawn, $"approval {id} withdrawn by its requester");
            return await WriteHeldAsync(context, exchange, StatusCodes.Status403Forbidden, ExchangeFailureCode.ApprovalWithdrawn, "Review withdrawn",
                $"The review of this request was withdrawn by its requester (approval {id}), so it was not sent. Send it again to ask for a new review.");
        }

        var state = ApprovalView.StateName(outcome.Request.State);
        exchange.Fail(ExchangeFailureCode.ApprovalRejected, $"approval {id} {state}");
        return await WriteHeldAsync(context, exchange, StatusCodes.Status403Forbidden, ExchangeFailureCode.ApprovalRejected, "Not approved",
            $"The request was not approved (approval {id}: {state.Replace('_', ' ')}).");
    }

    // An MCP request (a call with an id) is answered with a JSON-RPC error, as its client expects; anything else with problem+json.
    private static async Task<int> WriteHeldAsync(HttpContext context, Exchange exchange, int status, ExchangeFailureCode code, string title, string detail)
    {
        if (exchange.Request?.Mcp is { Kind: Protocols.Mcp.McpMessageKind.Request } message)
        {
            await Mcp.McpErrorResponse.WriteAsync(context, message.Id, code, detail, exchange.Id);
            return StatusCodes.Status200OK;
        }

        await WriteProblemAsync(context, status, code, title, detail, exchange.Id);
        return status;
    }

    public static string? UserAgent(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        return agent.Length == 0 ? null : agent[..Math.Min(agent.Length, 512)];
    }
}
