using System.CommandLine;
using System.Text;
using Gatehouse.Cli;
using Gatehouse.Gateway.ForwardProxy.Certificates;
using Gatehouse.Gateway.Secrets;

namespace Gatehouse.Ca;

/// <summary><c>gatehouse ca init</c>: creates the organisation CA the forward proxy issues intercepted hosts' certificates from.</summary>
internal static class CaCommand
{
    public const string CertificateFile = "gatehouse-proxy-ca.crt";
    public const string KeyFile = "gatehouse-proxy-ca.key";

    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the CA into; created 0700 when missing.", Required = true, HelpName = "DIR" };
        var name = new Option<string>("--name")
        {
            Description = "The CA's common name, shown to people inspecting a certificate.",
            DefaultValueFactory = _ => "Gatehouse proxy CA",
            HelpName = "NAME",
        };
        var years = new Option<int>("--years") { Description = "How many years the CA is valid, 1 to 20.", DefaultValueFactory = _ => 5, HelpName = "N" };
        var init = new Command(
            "init",
            $"Create an organisation CA for the forward proxy (proxy.ca): {CertificateFile}, the certificate your devices trust, and " +
            $"{KeyFile}, its private key, written 0600 and never printed. Existing files are never overwritten. See docs/forward-proxy.md.\n" +
            ExitCodes.Help)
        {
            output, name, years,
        };
        init.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var lifetime = parse.GetValue(years);
            if (lifetime is < 1 or > 20)
            {
                await error.WriteLineAsync($"gatehouse: --years: {lifetime} is not from 1 to 20");
                return ExitCodes.Usage;
            }

            var certPath = Path.Combine(folder, CertificateFile);
            var keyPath = Path.Combine(folder, KeyFile);
            if (File.Exists(certPath) || File.Exists(keyPath))
            {
                await error.WriteLineAsync($"gatehouse: '{folder}' already holds a CA ({CertificateFile} or {KeyFile}); move it away or choose another folder. Replacing a CA means every device must trust the new one.");
                return ExitCodes.Usage;
            }

            var (certificate, key) = CaFactory.Create(parse.GetValue(name)!, TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(365.25 * lifetime));
            try
            {
                // The key first, created 0600 in a 0700 folder so that it is never readable by others, not even briefly.
                PrivateFile.ReadOrCreate(keyPath, () => Encoding.ASCII.GetBytes(key));
                await File.WriteAllTextAsync(certPath, certificate, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or KeyFileException)
            {
                await error.WriteLineAsync($"gatehouse: cannot write the CA into '{folder}': {e.Message}");
                return ExitCodes.Usage;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Created the proxy CA in {folder}:\n" +
                $"  {CertificateFile}  give this to every device and client that goes through the proxy (trust store, NODE_EXTRA_CA_CERTS)\n" +
                $"  {KeyFile}  keep this on the gateway only (mode 0600)\n" +
                "Configure it:\n" +
                "  proxy:\n" +
                "    ca:\n" +
                $"      cert: {certPath}\n" +
                $"      key: {keyPath}");
            return ExitCodes.Success;
        });

        return new Command("ca", "The forward proxy's organisation CA.") { init };
    }
}
