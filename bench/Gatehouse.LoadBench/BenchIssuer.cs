using System.Globalization;

namespace Gatehouse.LoadBench;

/// <summary>
/// The identity provider of the OIDC rows: a gatehouse development issuer in a process of its own
/// (<c>gatehouse serve --dev</c> on its own port and store), which publishes a discovery document and a JWKS and mints
/// RS256 access tokens (<c>gatehouse dev token</c>). The gateway under test trusts it through <c>identity.oidc</c> and
/// runs without <c>--dev</c>, as a production gateway trusts its company's IdP: it fetches the keys over HTTP once and
/// validates the token with them.
/// </summary>
internal sealed class BenchIssuer : IAsyncDisposable
{
    /// <summary>The audience the development issuer's tokens carry.</summary>
    public const string Audience = "gatehouse";

    private BenchIssuer(string issuerUrl, string token, ChildProcess process)
    {
        IssuerUrl = issuerUrl;
        Token = token;
        Process = process;
    }

    /// <summary>Gets the issuer URL, as the tokens' <c>iss</c> and the discovery document name it.</summary>
    public string IssuerUrl { get; }

    /// <summary>Gets an RS256 access token for bench@example.com in the group the policy allows, valid for 8 hours.</summary>
    public string Token { get; }

    private ChildProcess Process { get; }

    public static async Task<BenchIssuer> StartAsync(string gatehouseDll, string directory)
    {
        directory = Path.Combine(directory, "issuer");
        Directory.CreateDirectory(directory);
        var port = FreePort.Next();
        var config = Path.Combine(directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            dev: true
            server:
              urls: [http://127.0.0.1:{port}]
            storage:
              sqlite: {Path.Combine(directory, "store", "gatehouse.db")}
            """));
        var process = ChildProcess.Start("dotnet", [gatehouseDll, "serve", "--dev", "--config", config], Path.Combine(directory, "issuer.log"));
        var issuer = $"http://127.0.0.1:{port}/dev-issuer";
        try
        {
            await process.WaitReadyAsync(new Uri(issuer + "/.well-known/openid-configuration"));
            var (exit, output, error) = await ChildProcess.RunAsync("dotnet",
                [gatehouseDll, "dev", "token", "--config", config, "--user", "bench@example.com", "--groups", GatewayUnderTest.Group, "--lifetime", "8h"]);
            if (exit != 0)
            {
                throw new InvalidOperationException($"gatehouse dev token failed ({exit}): {error.Trim()}");
            }

            return new BenchIssuer(issuer, output.Trim(), process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
