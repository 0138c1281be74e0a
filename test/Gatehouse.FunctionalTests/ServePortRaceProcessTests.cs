using System.Net;
using System.Net.Sockets;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The race every process test with more than one listener ran: a port found free is released, and another process
/// binds it before the child gateway does. Here that other process is the test itself, holding the port the second
/// listener was handed, so the race is lost on every run rather than once in a while.
/// </summary>
public sealed class ServePortRaceProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-port-race-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ServeAsync_SecondListenersPortTakenBeforeTheGatewayBindsIt_StartsAgainWithEveryPortFresh()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        var handedOut = new List<int>();
        int PickPort(IPAddress address)
        {
            // The first attempt's second listener gets the port another process holds; every other pick is free.
            var port = handedOut.Count == 1 ? takenPort : FreePort(address);
            handedOut.Add(port);
            return port;
        }

        await using var gateway = await ChildProcess.ServeAsync(GatehouseProcess.Command, _directory, "audit store: ",
            at => ["serve", "--dev", "--urls", at.Url, "--urls", at.Http(IPAddress.Loopback)], freePort: PickPort);

        Assert.Equal(4, handedOut.Count);
        Assert.Equal(2, gateway.Urls.Count);
        Assert.DoesNotContain($":{takenPort}", gateway.Urls[1], StringComparison.Ordinal);
        using var http = new HttpClient();
        foreach (var url in gateway.Urls)
        {
            using var response = await http.GetAsync(new Uri(new Uri(url), "healthz"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
