using System.Net.Sockets;
using System.Text;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// Sends a request written byte for byte (repeated header lines, backslashes, unnormalised paths), which
/// <see cref="HttpClient"/> would rewrite or refuse to send.
/// </summary>
public static class RawRequest
{
    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> with the header lines and body; returns the status code.</summary>
    public static async Task<int> SendAsync(Uri server, string method, string target, IEnumerable<string> headers, string body = "")
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellation);
        await using var stream = tcp.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("Content-Type: application/json\r\nContent-Length: ").Append(bytes.Length).Append("\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), cancellation);
        await stream.WriteAsync(bytes, cancellation);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync(cancellation) ?? "";
        return statusLine.Length >= 12 ? int.Parse(statusLine.AsSpan(9, 3), provider: null) : 0;
    }

    /// <summary>
    /// Sends only the request line and <paramref name="headers"/> (which declare the body), never the body itself, and
    /// returns the status code the server answers with before any body arrives.
    /// </summary>
    public static async Task<int> SendHeadAsync(Uri server, string method, string target, IEnumerable<string> headers)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellation);
        await using var stream = tcp.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.Append("\r\n").ToString()), cancellation);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync(cancellation) ?? "";
        return statusLine.Length >= 12 ? int.Parse(statusLine.AsSpan(9, 3), provider: null) : 0;
    }
}
