using System.Diagnostics;
using System.Net;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Without a tracing endpoint the hosting layer starts no Activity per request, and what its log category used to say
/// at Warning and above (a pipeline that cannot be built, an unhandled request error) is still logged.
/// </summary>
public sealed class HostingDiagnosticsTests
{
    private const string HostingActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    [Fact]
    public async Task Request_WithoutTracingConfigured_StartsNoHostingActivity()
    {
        var seen = new List<string>();
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(upstream, services: s => s.AddSingleton<IStartupFilter>(new Probe(context =>
        {
            lock (seen)
            {
                seen.Add(context.Features.Get<IHttpActivityFeature>()?.Activity?.OperationName ?? Activity.Current?.OperationName ?? "none");
            }

            return false;
        })));

        using var response = await gateway.Client().GetAsync("healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        lock (seen)
        {
            Assert.Equal(["none"], seen);
        }
    }

    [Fact]
    public async Task UnhandledRequestError_IsStillLogged()
    {
        var logs = new CapturedLogs();
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(upstream, logs: logs, services: s => s.AddSingleton<IStartupFilter>(new Probe(
            context => context.Request.Path == "/probe-fails" ? throw new InvalidOperationException("probe request failure") : false)));

        using var response = await gateway.Client().GetAsync("probe-fails", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await Eventually.UntilAsync(
            () => logs.Lines.Any(l => l.Contains("probe request failure", StringComparison.Ordinal)),
            "the unhandled request error in the log");
    }

    [Fact]
    public async Task PipelineThatCannotBeBuilt_IsStillLoggedAtStartUp()
    {
        var logs = new CapturedLogs();
        await using var upstream = await FakeUpstream.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayUnderTest.StartAsync(upstream, logs: logs, services: s => s.AddSingleton<IStartupFilter>(new FailingStartup())));

        Assert.Equal("probe start-up failure", error.Message);
        Assert.Contains(logs.Lines, l => l.Contains("probe start-up failure", StringComparison.Ordinal) && !l.StartsWith(Gatehouse.Hosting.GatehouseServer.HostingDiagnosticsCategory, StringComparison.Ordinal));
    }

    /// <summary>Runs <paramref name="handle"/> first for every request; true ends the request there.</summary>
    private sealed class Probe(Func<HttpContext, bool> handle) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) => handle(context) ? Task.CompletedTask : following(context));
            next(app);
        };
    }

    private sealed class FailingStartup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => _ => throw new InvalidOperationException("probe start-up failure");
    }
}
