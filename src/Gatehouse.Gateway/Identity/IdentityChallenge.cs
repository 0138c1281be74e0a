using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Identity;

/// <summary>Writes an identity failure as a 401 (or 503) problem with an RFC 6750 <c>WWW-Authenticate</c> header.</summary>
internal static class IdentityChallenge
{
    /// <summary>Writes the failure unless the response has already started.</summary>
    /// <param name="context">The request.</param>
    /// <param name="failure">Why the caller was not identified.</param>
    /// <param name="resourceMetadata">The RFC 9728 metadata URL to name in the challenge (an MCP connection), or null.</param>
    public static Task WriteAsync(HttpContext context, IdentityFailure failure, string? resourceMetadata = null)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        if (failure.Status == StatusCodes.Status401Unauthorized)
        {
            // RFC 6750 §3: no error attribute when the request carried no credentials at all. RFC 9728 §5.1: an MCP
            // client finds where to get a token from resource_metadata.
            var challenge = failure.Code == IdentityFailureCode.MissingCredentials
                ? "Bearer realm=\"gatehouse\""
                : "Bearer realm=\"gatehouse\", error=\"invalid_token\"";
            context.Response.Headers.WWWAuthenticate = resourceMetadata is null ? challenge : $"{challenge}, resource_metadata=\"{resourceMetadata}\"";
        }

        return ProblemWriter.WriteAsync(context.Response, failure.ToProblem(), context.RequestAborted);
    }

    /// <summary>Writes the failure an authentication handler recorded, or <c>missing_credentials</c> when it recorded none.</summary>
    public static Task WriteAsync(HttpContext context, Exception? authenticateFailure) =>
        WriteAsync(context, FromException(authenticateFailure));

    /// <summary>Gets the failure an authentication result's exception carries.</summary>
    public static IdentityFailure FromException(Exception? authenticateFailure) => authenticateFailure switch
    {
        IdentityFailureException carried => carried.Failure,
        null => IdentityFailure.MissingCredentials("Credentials are required."),
        _ => IdentityFailure.InvalidToken("The credential could not be validated."),
    };
}
