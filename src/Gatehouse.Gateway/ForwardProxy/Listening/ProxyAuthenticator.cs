using System.Net;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Credentials;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>Identifies the caller of a CONNECT through the gateway's one identity stage: the same schemes, caches and refusals as any request.</summary>
/// <remarks>
/// A CONNECT is not an ASP.NET request, so it is presented to <see cref="IdentityResolver"/> as a request carrying a
/// <see cref="ProxyCaller"/>, which <see cref="CredentialReader"/> reads. There is no second authentication path.
/// </remarks>
internal sealed class ProxyAuthenticator(IServiceScopeFactory scopes, IdentityResolver identity)
{
    public async Task<IdentityResult> AuthenticateAsync(PresentedCredential credential, string host, ConnectionContext connection, CancellationToken cancellationToken)
    {
        if (credential.Failure is { } failure)
        {
            return IdentityResult.Fail(failure);
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        context.Request.Method = HttpMethods.Connect;
        context.Connection.RemoteIpAddress = (connection.RemoteEndPoint as IPEndPoint)?.Address;
        context.Features.Set(new ProxyCaller(credential, host));
        return await identity.AuthenticateAsync(context);
    }
}
