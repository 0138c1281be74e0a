using System.Net.Sockets;
using System.Text;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>Sends a hand-written HTTP/1.1 request, for header layouts <see cref="HttpClient"/> will not produce.</summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Body)> GetAsync(Uri baseAddress, string path, IEnumerable<string> headerLines)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, cancellation);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder()
            .Append("GET ").Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(baseAddress.Authority).Append("\r\n");
        foreach (var line in headerLines)
        {
            request.Append(line).Append("\r\n");
        }

        request.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), cancellation);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(cancellation);
        var status = int.Parse(response.AsSpan(9, 3), provider: null);
        return (status, response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
