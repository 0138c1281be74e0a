using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Certificates;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Clients of the gateway's forward proxy, trusting only the test CA, and the test CA itself.</summary>
public static class ProxyClients
{
    /// <summary>Creates a CA in <paramref name="folder"/> (key 0600) and returns its files and its certificate.</summary>
    public static (ProxyCaConfig Files, X509Certificate2 Certificate) CreateCa(string folder)
    {
        var (certificate, key) = CaFactory.Create("Gatehouse test CA", TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(2));
        var files = new ProxyCaConfig { Cert = Path.Combine(folder, "ca.crt"), Key = Path.Combine(folder, "ca.key") };
        File.WriteAllText(files.Cert, certificate);
        File.WriteAllText(files.Key, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(files.Key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (files, X509Certificate2.CreateFromPem(certificate));
    }

    /// <summary>
    /// Returns whether <paramref name="certificate"/> names the host it was asked for and chains to <paramref name="ca"/>
    /// alone: what a device that trusts the organisation's CA checks. Anything else (a name mismatch, another root) fails.
    /// </summary>
    public static bool ChainsTo(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is not X509Certificate2 leaf || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf) && chain.ChainElements[^1].Certificate.Thumbprint == ca.Thumbprint;
    }

    /// <summary>An HTTP client that goes through the proxy with Basic credentials and trusts only the test CA; <paramref name="seen"/> gets each server certificate.</summary>
    public static HttpClient Through(Uri proxy, string password, X509Certificate2 ca, Action<X509Certificate2>? seen = null, string user = "dev")
    {
        var handler = new SocketsHttpHandler
        {
            Proxy = new WebProxy(proxy) { Credentials = new NetworkCredential(user, password) },
            UseProxy = true,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is X509Certificate2 leaf)
                    {
                        // A copy: the handler disposes the certificate it validated.
                        seen?.Invoke(X509CertificateLoader.LoadCertificate(leaf.RawData));
                    }

                    return ChainsTo(ca, certificate, errors);
                },
            },
        };
        return new HttpClient(handler);
    }

    /// <summary>Opens a TCP connection to the proxy and sends <paramref name="head"/> (CRLFs added); returns the open stream.</summary>
    public static async Task<NetworkStream> ConnectAsync(Uri proxy, string head)
    {
        var client = new TcpClient();
        await client.ConnectAsync(proxy.Host, proxy.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n"), TestContext.Current.CancellationToken);
        return stream;
    }

    /// <summary>Reads a response head (up to the blank line) byte by byte, so nothing after it is consumed.</summary>
    public static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, TestContext.Current.CancellationToken) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    /// <summary>Sends a CONNECT and returns the whole answer (the proxy closes after a refusal).</summary>
    public static async Task<string> RefusedConnectAsync(Uri proxy, string target, string? password)
    {
        var credentials = password is null ? "" : "\nProxy-Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("dev:" + password));
        await using var stream = await ConnectAsync(proxy, $"CONNECT {target} HTTP/1.1\nHost: {target}{credentials}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Basic credentials for a raw CONNECT.</summary>
    public static string Basic(string password) => "Proxy-Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("dev:" + password));
}
