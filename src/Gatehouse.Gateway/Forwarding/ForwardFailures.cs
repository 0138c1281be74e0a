using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>Maps YARP's forwarding errors to the stable failure codes the audit and the client see.</summary>
internal static class ForwardFailures
{
    public static (string Code, string Detail, int Status) Describe(ForwarderError error) => error switch
    {
        ForwarderError.RequestTimedOut => ("upstream_timeout", "the upstream did not answer in time", StatusCodes.Status504GatewayTimeout),
        ForwarderError.Request or ForwarderError.ResponseHeaders or ForwarderError.NoAvailableDestinations
            => ("upstream_unreachable", "the upstream could not be reached or closed the connection before answering", StatusCodes.Status502BadGateway),
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled
            or ForwarderError.RequestBodyClient or ForwarderError.ResponseBodyClient
            => ("client_aborted", "the client went away before the exchange ended", 499),
        ForwarderError.ResponseBodyDestination => ("upstream_reset", "the upstream failed while sending the response", StatusCodes.Status502BadGateway),
        ForwarderError.RequestBodyDestination => ("upstream_reset", "the upstream failed while receiving the request", StatusCodes.Status502BadGateway),
        _ => ("forward_failed", $"forwarding failed ({error})", StatusCodes.Status502BadGateway),
    };
}
