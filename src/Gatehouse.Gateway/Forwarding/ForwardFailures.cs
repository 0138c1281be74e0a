using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Agents;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>
/// Maps YARP's forwarding errors, and the agent tunnel's own failures behind them, to the stable failure codes the audit
/// and the client see.
/// </summary>
internal static class ForwardFailures
{
    public static (ExchangeFailureCode Code, string Detail, int Status) Describe(ForwarderError error, Exception? exception = null) =>
        Find<AgentUnavailableException>(exception) is { } unavailable
            ? (ExchangeFailureCode.AgentUnavailable, $"no agent named '{unavailable.Agent}' is connected to this gateway, so the upstream cannot be reached; start the agent or check it with 'gatehouse agents list'", StatusCodes.Status503ServiceUnavailable)
            : Find<Mcp.Bridge.McpServerUnavailableException>(exception) is { } mcp
            ? (ExchangeFailureCode.McpServerUnavailable, $"{mcp.Message}; the gateway starts it again at the next request (see its log, events 1960-1974)", StatusCodes.Status503ServiceUnavailable)
            : Find<AgentTunnelLostException>(exception) is { } lost
            ? (ExchangeFailureCode.AgentDisconnected, $"the agent '{lost.Agent}' disconnected before the exchange ended", StatusCodes.Status502BadGateway)
            : Describe(error);

    private static (ExchangeFailureCode Code, string Detail, int Status) Describe(ForwarderError error) => error switch
    {
        ForwarderError.RequestTimedOut => (ExchangeFailureCode.UpstreamTimeout, "the upstream did not answer in time", StatusCodes.Status504GatewayTimeout),
        ForwarderError.Request or ForwarderError.ResponseHeaders or ForwarderError.NoAvailableDestinations
            => (ExchangeFailureCode.UpstreamUnreachable, "the upstream could not be reached or closed the connection before answering", StatusCodes.Status502BadGateway),
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled
            or ForwarderError.RequestBodyClient or ForwarderError.ResponseBodyClient
            => (ExchangeFailureCode.ClientAborted, "the client went away before the exchange ended", 499),
        ForwarderError.ResponseBodyDestination => (ExchangeFailureCode.UpstreamReset, "the upstream failed while sending the response", StatusCodes.Status502BadGateway),
        ForwarderError.RequestBodyDestination => (ExchangeFailureCode.UpstreamReset, "the upstream failed while receiving the request", StatusCodes.Status502BadGateway),
        _ => (ExchangeFailureCode.ForwardFailed, $"forwarding failed ({error})", StatusCodes.Status502BadGateway),
    };

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
