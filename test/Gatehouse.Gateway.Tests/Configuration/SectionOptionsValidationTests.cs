using System.Collections;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Configuration.Sections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class SectionOptionsValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-options-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ValidateOnStart_ServerUrlBuiltInCode_FailsWithTheMessageTheYamlFileGives()
    {
        var config = new GatehouseConfig { Server = new ServerConfig { Urls = ["ftp://x"] } };
        var fromYaml = GatehouseConfigLoader.Load(Write("server:\n  urls: [ftp://x]\n"), new Hashtable());

        var error = await StartFailsAsync(config);

        Assert.Equal(typeof(ServerConfig), error.OptionsType);
        Assert.Equal(["server.urls[0]: 'ftp://x' is not an absolute http(s) URL"], error.Failures);
        Assert.Equal(error.Failures, fromYaml.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task ValidateOnStart_AgentsCertificateWithoutServerTls_FailsOnTheCrossSectionCheck()
    {
        var config = new GatehouseConfig { Agents = new AgentsConfig { RequireClientCertificate = true } };

        var error = await StartFailsAsync(config);

        Assert.Equal(typeof(AgentsConfig), error.OptionsType);
        Assert.Contains(error.Failures, f => f.StartsWith("agents.clientCaFile: required when requireClientCertificate is true", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("agents.requireClientCertificate: the gateway sees a client certificate only where it ends TLS itself", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateOnStart_AccessForAConnectionNotConfigured_FailsWithItsPath()
    {
        var config = new GatehouseConfig
        {
            Access = new AccessConfig { Connections = new Dictionary<string, AccessConnectionConfig> { ["nope"] = new() { ReviewerGroups = ["leads"] } } },
        };

        var error = await StartFailsAsync(config);

        Assert.Equal(typeof(AccessConfig), error.OptionsType);
        Assert.Equal(["access.connections.nope: there is no connection named 'nope'"], error.Failures);
    }

    [Fact]
    public async Task ValidateOnStart_ValidSnapshot_StartsAndServesEachSectionFromIt()
    {
        var config = new GatehouseConfig
        {
            Connections = [new ConnectionConfig { Name = "a", Kind = "openai", Upstream = new Uri("https://a.example.com") }],
            Access = new AccessConfig { Connections = new Dictionary<string, AccessConnectionConfig> { ["a"] = new() { ReviewerUsers = ["bob"] } } },
        };
        using var host = Build(config);

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Same(config.Server, host.Services.GetRequiredService<IOptions<ServerConfig>>().Value);
        Assert.Same(config.Connections, host.Services.GetRequiredService<IOptions<IReadOnlyList<ConnectionConfig>>>().Value);
        Assert.Same(config.Access, host.Services.GetRequiredService<IOptionsMonitor<AccessConfig>>().CurrentValue);
        Assert.Null(host.Services.GetService<IOptionsFactory<ProxyConfig>>() as SnapshotOptionsFactory<ProxyConfig>);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<OptionsValidationException> StartFailsAsync(GatehouseConfig config)
    {
        using var host = Build(config);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    private static IHost Build(GatehouseConfig config)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddGatehouseOptions(config);
        return builder.Build();
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
