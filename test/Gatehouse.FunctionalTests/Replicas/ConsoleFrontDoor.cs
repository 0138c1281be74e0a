using Gatehouse.Gateway.Identity.Development;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.FunctionalTests.Replicas;

/// <summary>
/// What sits in front of replicas in production, reduced to a test: one address that forwards <c>/console</c> to
/// whichever replica <see cref="Target"/> names (a load balancer with no session affinity, switched by the test), and
/// that also serves the development OpenID Connect issuer, so the console's sign-in, its callback and the issuer share
/// one origin as they would behind a real load balancer. The original Host is kept, so each replica builds its URLs
/// (the redirect URI, the issuer's) for this address.
/// </summary>
internal sealed class ConsoleFrontDoor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false });

    private ConsoleFrontDoor(WebApplication app) => _app = app;

    /// <summary>Gets or sets the replica every console request goes to (its base URL).</summary>
    public string Target { get; set; } = "";

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Gets the development issuer's URL at this address, as the replicas' <c>console.oidc.issuer</c>.</summary>
    public string Issuer => DevIssuer.IssuerUrl(BaseUri.ToString());

    public static async Task<ConsoleFrontDoor> StartAsync(string issuerKeyPath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var door = new ConsoleFrontDoor(app);
        app.MapDevIssuer(DevSigningKey.LoadOrCreate(issuerKeyPath));
        app.MapFallback(async (HttpContext context, IHttpForwarder forwarder) =>
        {
            var error = await forwarder.SendAsync(context, door.Target, door._client, ForwarderRequestConfig.Empty, OriginalHost.Instance);
            if (error != ForwarderError.None && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        });
        await app.StartAsync();
        door.BaseUri = new Uri(app.Urls.Single());
        return door;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _client.Dispose();
    }

    private sealed class OriginalHost : HttpTransformer
    {
        public static readonly OriginalHost Instance = new();

        public override async ValueTask TransformRequestAsync(
            HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.Host = httpContext.Request.Host.Value;
        }
    }
}
