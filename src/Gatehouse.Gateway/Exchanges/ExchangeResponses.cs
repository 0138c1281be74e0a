using Gatehouse.Gateway.Forwarding;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>What the data path writes to the client itself (rather than forwarding), and what it reads from it.</summary>
internal static class ExchangeResponses
{
    public static Task WriteProblemAsync(HttpContext context, int status, string code, string title, string detail, string? exchangeId = null)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Clear();
        if (exchangeId is not null)
        {
            context.Response.Headers[UpstreamTransformer.ExchangeHeader] = exchangeId;
        }

        return ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, title, status, detail) { ExchangeId = exchangeId }, context.RequestAborted);
    }

    public static string? UserAgent(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        return agent.Length == 0 ? null : agent[..Math.Min(agent.Length, 512)];
    }
}
