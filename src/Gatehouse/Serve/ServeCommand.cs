using System.CommandLine;
using Gatehouse.Cli;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Development;
using Gatehouse.Gateway.Secrets;
using Gatehouse.Hosting;
using Gatehouse.Policy.Reloading;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Connections;

namespace Gatehouse.Serve;

/// <summary><c>gatehouse serve</c>: runs the gateway.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var dev = new Option<bool>("--dev")
        {
            Description = "Development defaults: SQLite under ./.gatehouse/, a built-in OIDC issuer (tokens from 'gatehouse dev token'), " +
                "the web console at /console with a sign-in page for alice, bob, carol and dave, a 'demo' connection answering with canned code, and 'openai'/'anthropic' connections when OPENAI_API_KEY/ANTHROPIC_API_KEY are set.",
        };
        var urls = new Option<string[]>("--urls")
        {
            Description = "Addresses to listen on, overriding server.urls (for example http://127.0.0.1:8080).",
            HelpName = "URL",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Run the gateway.\n" + ExitCodes.Help) { config, dev, urls };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, config, dev, urls, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<FileInfo?> configOption, Option<bool> devOption, Option<string[]> urlsOption, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var environment = Environment.GetEnvironmentVariables();
        var dev = parse.GetValue(devOption);
        var configPath = CommonOptions.ResolveConfigPath(parse.GetValue(configOption));
        var loaded = GatehouseConfigLoader.Load(configPath, environment, dev);
        if (!loaded.Success)
        {
            await error.WriteAsync(loaded.FormatErrors());
            return ExitCodes.Usage;
        }

        var config = loaded.Config!;
        if (DevModeGuard.Check(config, configPath, dev) is { } refused)
        {
            await error.WriteLineAsync($"gatehouse: {refused}");
            return ExitCodes.Usage;
        }

        if (parse.GetValue(urlsOption) is { Length: > 0 } urls)
        {
            if (config.Server.Tls is null && urls.FirstOrDefault(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) is { } https)
            {
                await error.WriteLineAsync($"gatehouse: --urls: '{https}' is https, so the gateway needs its certificate: set server.tls.certificateFile and server.tls.keyFile");
                return ExitCodes.Usage;
            }

            config = config with { Server = config.Server with { Urls = urls } };
        }

        WebApplication app;
        try
        {
            DevSigningKey? devKey = null;
            if (dev)
            {
                config = DevDefaults.Apply(config, environment);
                devKey = DevSigningKey.LoadOrCreate(DevKeyPath(config));
            }

            app = GatehouseServer.Build(config, new GatehouseServerOptions { DevSigningKey = devKey, ConfigPath = configPath, Environment = environment });
        }
        catch (StoreConfigurationException ex)
        {
            await error.WriteAsync(StoreSelection.FormatErrors(ex));
            return ExitCodes.Usage;
        }
        catch (KeyFileException ex)
        {
            await error.WriteLineAsync($"gatehouse: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (StoreUnavailableException ex)
        {
            var where = config.Storage.Postgres is null ? $"at '{config.Storage.Sqlite}'" : "(storage.postgres)";
            await error.WriteLineAsync($"gatehouse: cannot open the store {where}: {ex.Message}");
            return ExitCodes.StoreUnavailable;
        }
        catch (PolicyLoadException ex)
        {
            await error.WriteLineAsync($"gatehouse: {ex.Message}");
            return ExitCodes.Usage;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex) when (ex.InnerException is AddressInUseException)
            {
                // Kestrel says which address: "Failed to bind to address http://127.0.0.1:8080: address already in use."
                await error.WriteLineAsync($"gatehouse: cannot listen: {ex.Message} Stop what holds the port, or choose another with --urls or server.urls.");
                return ExitCodes.Usage;
            }
            catch (StoreUnavailableException ex)
            {
                // The schema step (the first hosted service) reached the database: unreachable, newer, or out of date.
                await error.WriteLineAsync($"gatehouse: cannot use the store ({config.Storage.ProviderKey}): {ex.Message}");
                return ExitCodes.StoreUnavailable;
            }

            await output.WriteAsync(Quickstart.Describe(config));
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The development issuer's key lives beside the database, so one folder holds all local state; a gateway outside
    /// development mode refuses a store folder that holds it (<see cref="DevModeGuard"/>).
    /// </summary>
    public static string DevKeyPath(GatehouseConfig config)
        => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(config.Storage.Sqlite)) ?? ".", "dev-issuer.jwk.json");
}
