using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Gatehouse.Gateway.Problems;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>Writes the proxy's own answers to a CONNECT on the raw connection: the tunnel's 200, or a problem.</summary>
internal static class ProxyReplies
{
    private static ReadOnlySpan<byte> Established => "HTTP/1.1 200 Connection established\r\n\r\n"u8;

    public static async ValueTask EstablishedAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Established.ToArray(), cancellationToken);
    }

    /// <summary>Writes a problem response and asks the client to close: after a refused CONNECT the connection carries nothing more.</summary>
    public static async ValueTask ProblemAsync(PipeWriter output, GatehouseProblem problem, string? proxyAuthenticate, CancellationToken cancellationToken)
    {
        var body = ProblemWriter.Serialize(problem);
        var head = new StringBuilder(256)
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {problem.Status} {Reason(problem.Status)}\r\n")
            .Append("Content-Type: ").Append(ProblemWriter.ContentType).Append("\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Cache-Control: no-store\r\nConnection: close\r\n");
        if (proxyAuthenticate is not null)
        {
            head.Append("Proxy-Authenticate: ").Append(proxyAuthenticate).Append("\r\n");
        }

        head.Append("\r\n");
        await output.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await output.WriteAsync(body, cancellationToken);
    }

    private static string Reason(int status) => status switch
    {
        400 => "Bad Request",
        403 => "Forbidden",
        407 => "Proxy Authentication Required",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };
}
