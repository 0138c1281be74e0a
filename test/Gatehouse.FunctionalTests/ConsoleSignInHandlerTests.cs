using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// With the console on, its OpenID Connect handler is asked whether a request is its callback only under
/// <c>/console</c>: a data-path request never builds it, and the console's callback still reaches it.
/// </summary>
public sealed class ConsoleSignInHandlerTests
{
    private const string ConsoleOidc = "Gatehouse.Console.Oidc";

    [Fact]
    public async Task DataPathRequest_WithTheConsoleOn_NeverAsksTheConsolesSignInHandler()
    {
        var asked = new HandlersAsked();
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("hello"));
        await using var gateway = await GatewayUnderTest.StartAsync(upstream, services: asked.Register);
        Assert.NotNull(gateway.Config.Console.Oidc);
        using var client = gateway.Client(gateway.Token("alice", "dev"));

        for (var i = 0; i < 3; i++)
        {
            using var body = new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("openai/v1/chat/completions", body, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, asked.Count(ConsoleOidc));

        // The callback still reaches the handler: one with no sign-in in progress ends on the signed-out page.
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = gateway.BaseUri };
        using var callback = await noRedirects.GetAsync("console/signin-oidc?code=forged&state=forged", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/console/signed-out?failed=1", callback.Headers.Location?.OriginalString);
        Assert.True(asked.Count(ConsoleOidc) >= 1);
    }

    /// <summary>Counts, per scheme, the handlers the request pipeline asks for.</summary>
    private sealed class HandlersAsked
    {
        private readonly Dictionary<string, int> _counts = [];

        public int Count(string scheme)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(scheme);
            }
        }

        public void Register(IServiceCollection services) =>
            services.AddScoped<IAuthenticationHandlerProvider>(sp => new Counting(ActivatorUtilities.CreateInstance<AuthenticationHandlerProvider>(sp), this));

        private void Add(string scheme)
        {
            lock (_counts)
            {
                _counts[scheme] = _counts.GetValueOrDefault(scheme) + 1;
            }
        }

        private sealed class Counting(IAuthenticationHandlerProvider inner, HandlersAsked asked) : IAuthenticationHandlerProvider
        {
            public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
            {
                asked.Add(authenticationScheme);
                return inner.GetHandlerAsync(context, authenticationScheme);
            }
        }
    }
}
