using System.CommandLine;
using Gatehouse.Cli;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Development;
using Gatehouse.Policy.Durations;
using Gatehouse.Serve;

namespace Gatehouse.Dev;

/// <summary><c>gatehouse dev token</c>: mints a token from the development issuer of <c>serve --dev</c>.</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var user = new Option<string>("--user", "-u") { Description = "The subject (user name or e-mail) the token is for.", Required = true, HelpName = "USER" };
        var groups = new Option<string?>("--groups", "-g") { Description = "Comma-separated groups, for example dev,ml.", HelpName = "G1,G2" };
        var lifetime = new Option<string>("--lifetime")
        {
            Description = "How long the token is valid, 1s to 30d, such as 30m or 8h (the duration grammar of docs/configuration.md).",
            DefaultValueFactory = _ => "8h",
            HelpName = "DURATION",
        };
        var url = new Option<string?>("--url")
        {
            Description = "The gateway's base URL, when 'serve' was given --urls or server.publicUrl differs. Default: from the configuration, else http://127.0.0.1:8080.",
            HelpName = "URL",
        };
        var token = new Command(
            "token",
            "Print a development access token (RS256, typ at+jwt) for 'serve --dev'. It is validated by the same OIDC path as a real " +
            "identity provider's tokens: discovery and JWKS served by the gateway. Use it as the SDK's API key or as 'Authorization: Bearer'.\n" +
            ExitCodes.Help)
        {
            config, user, groups, lifetime, url,
        };
        token.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var lifetimeValue = DurationGrammar.Parse(parse.GetValue(lifetime), new DurationRange(TimeSpan.FromSeconds(1), TimeSpan.FromDays(30)));
            if (lifetimeValue.Value is not { } life)
            {
                error.WriteLine($"gatehouse: --lifetime: {lifetimeValue.Error}");
                return ExitCodes.Usage;
            }

            var configPath = CommonOptions.ResolveConfigPath(parse.GetValue(config));
            var loaded = GatehouseConfigLoader.Load(configPath, Environment.GetEnvironmentVariables(), dev: true);
            if (!loaded.Success)
            {
                error.Write(loaded.FormatErrors());
                return ExitCodes.Usage;
            }

            var gateway = loaded.Config!;
            if (DevModeGuard.Check(gateway, configPath, dev: true) is { } refused)
            {
                error.WriteLine($"gatehouse: {refused}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(url) is { } baseUrl)
            {
                if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                {
                    error.WriteLine($"gatehouse: '{baseUrl}' is not an absolute http(s) URL");
                    return ExitCodes.Usage;
                }

                gateway = gateway with { Server = gateway.Server with { Urls = [baseUrl], PublicUrl = null } };
            }

            DevSigningKey key;
            try
            {
                key = DevSigningKey.LoadOrCreate(ServeCommand.DevKeyPath(gateway));
            }
            catch (Gatehouse.Gateway.Secrets.KeyFileException ex)
            {
                error.WriteLine($"gatehouse: {ex.Message}");
                return ExitCodes.Usage;
            }

            var groupList = (parse.GetValue(groups) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var minted = new DevTokenMinter(key, TimeProvider.System).Mint(DevDefaults.PublicBase(gateway), parse.GetValue(user)!, groupList, life);
            parse.InvocationConfiguration.Output.WriteLine(minted);
            return ExitCodes.Success;
        });

        return new Command("dev", "Development helpers for 'serve --dev'.") { token };
    }
}
