using Gatehouse.Gateway.Exchanges;
using Gatehouse.Policy;
using Gatehouse.Policy.Context;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Decisions;

/// <summary>Builds the policy's view of an exchange: normalised, from what the stages before it learned.</summary>
internal static class PolicyContexts
{
    public static PolicyContext ForRequest(Exchange exchange, DateTimeOffset now)
    {
        var caller = exchange.Caller!;
        return new PolicyContext
        {
            Identity = new PolicyIdentity
            {
                Subject = caller.Subject,
                Email = caller.VerifiedEmail ?? "",
                Groups = caller.Groups,
                Issuer = caller.Issuer ?? "",
                KeyName = caller.KeyName ?? "",
                Method = caller.Method == "apikey" ? "api_key" : caller.Method,
            },
            Connection = exchange.Connection?.Name ?? "",
            Grants = exchange.Grants,
            Api = exchange.Api switch
            {
                ApiKind.OpenAIChat => PolicyApi.Chat,
                ApiKind.OpenAIResponses => PolicyApi.Responses,
                ApiKind.AnthropicMessages => PolicyApi.Messages,
                ApiKind.OpenAICompletions => PolicyApi.Completions,
                ApiKind.Mcp => PolicyApi.Mcp,
                _ => PolicyApi.Http,
            },
            Model = exchange.Request?.Model ?? "",
            Direction = PolicyDirection.Request,
            Path = exchange.UpstreamPath,
            PromptChars = exchange.Request?.Messages.Sum(m => (long)m.Text.Length) ?? exchange.RequestBody.Length,
            ClientAddress = exchange.ClientAddress ?? "",
            Findings = [.. exchange.RequestFindings.Select(f => new PolicyFinding(f.Rule, f.Category, PolicyDirection.Request))],
            Time = now,

            // Model APIs carry their tool calls in the response; an MCP request is itself the call (tools/call).
            ToolCalls = exchange.Request is { ToolCalls.Count: > 0 } parsed ? [.. parsed.ToolCalls.Select(c => new PolicyToolCall(c.Name, c.Arguments))] : [],
        };
    }

    /// <summary>Builds the response's context: the request's, turned round, with the assembled tool calls and every finding so far.</summary>
    public static PolicyContext ForResponse(
        Exchange exchange, DateTimeOffset now, IReadOnlyList<ToolCall> toolCalls, IReadOnlyList<Audit.Records.AuditFinding>? responseFindings = null)
    {
        var request = ForRequest(exchange, now);
        var found = responseFindings ?? [];
        return request with
        {
            Direction = PolicyDirection.Response,
            ToolCalls = [.. toolCalls.Select(c => new PolicyToolCall(c.Name, c.Arguments))],
            Findings = [.. request.Findings, .. found.Select(f => new PolicyFinding(f.Rule, f.Category, PolicyDirection.Response))],
        };
    }
}
