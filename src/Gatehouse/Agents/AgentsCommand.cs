using System.CommandLine;
using System.Globalization;
using Gatehouse.Cli;
using Gatehouse.Gateway.Agents;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Agents;

namespace Gatehouse.Agents;

/// <summary>
/// <c>gatehouse agents create|tokens|revoke|list</c>: enrollment tokens for network-resident agents (in the store), and
/// the agents connected to a running gateway (through its <c>/api/agents</c>).
/// </summary>
internal static class AgentsCommand
{
    /// <summary>The lifetimes a token may be created with: 1m to ten years, or <c>never</c>.</summary>
    private static readonly DurationRange Lifetime = new(TimeSpan.FromMinutes(1), TimeSpan.FromDays(3650), "never");

    public static Command Create()
    {
        var agents = new Command("agents", "Enroll network-resident agents ('gatehouse agent') and see which are connected. Only a hash of each token is stored.");
        agents.Subcommands.Add(CreateCommand());
        agents.Subcommands.Add(TokensCommand());
        agents.Subcommands.Add(RevokeCommand());
        agents.Subcommands.Add(ListCommand());
        return agents;
    }

    private static Command CreateCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var name = new Option<string>("--name", "-n")
        {
            Description = $"The agent's name, which connections name with 'via:' ({AgentNames.Rule}). Several agents may share a name, and so the load.",
            Required = true,
            HelpName = "NAME",
        };
        var expires = new Option<string>("--expires")
        {
            Description = "Lifetime from 1m to 3650d (such as 30d or 12h; the duration grammar of docs/configuration.md), or 'never'.",
            DefaultValueFactory = _ => "90d",
            HelpName = "DURATION",
        };
        var command = new Command("create", "Create an enrollment token for an agent and print it once; it cannot be shown again.\n" + ExitCodes.Help) { name, expires, config, db };
        command.SetAction(async (parse, ct) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var agent = parse.GetValue(name)!;
            if (!AgentNames.IsValid(agent))
            {
                await error.WriteLineAsync($"gatehouse: --name: '{agent}' is not an agent name: {AgentNames.Rule}");
                return ExitCodes.Usage;
            }

            var expiry = DurationGrammar.Parse(parse.GetValue(expires), Lifetime);
            if (!expiry.Succeeded)
            {
                await error.WriteLineAsync($"gatehouse: --expires: {expiry.Error}");
                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var time = TimeProvider.System;
                var (record, plaintext) = new AgentTokenIssuer(time).Create(agent, expiry.Value is { } lifetime ? time.GetUtcNow() + lifetime : null);
                var agentTokens = store.AgentTokens;
                if (!await agentTokens.CreateAsync(record, ct))
                {
                    await error.WriteLineAsync("gatehouse: a token with the same id exists already; run the command again");
                    return ExitCodes.StoreUnavailable;
                }

                await output.WriteLineAsync(plaintext);
                await error.WriteLineAsync(
                    $"Created an enrollment token for agent '{agent}' (id {record.Id}, expires: {Expiry(record)}). Store it now: it is not shown again. "
                    + "Put it in a file readable by the agent's user alone and run: gatehouse agent --gateway URL --token-file FILE --config agent.yaml");
                return ExitCodes.Success;
            }, create: true);
        });
        return command;
    }

    private static Command TokensCommand()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var command = new Command("tokens", "List enrollment tokens (never their secrets).\n" + ExitCodes.Help) { config, db, json };
        command.SetAction(async (parse, ct) => await StoreOpener.RunAsync(parse, config, db, async store =>
        {
            var agentTokens = store.AgentTokens;
            var tokens = await agentTokens.ListAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(AgentText.TokensJson(tokens));
                return ExitCodes.Success;
            }

            var rows = tokens.Select(t => new[] { t.AgentName, t.Id, Time(t.CreatedAt), Expiry(t), t.RevokedAt is { } r ? Time(r) : "-" });
            await output.WriteAsync(TextTable.Render(["AGENT", "ID", "CREATED", "EXPIRES", "REVOKED"], rows));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command RevokeCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var target = new Argument<string>("token") { Description = "The token's id, or an agent name to revoke every token of that agent." };
        var command = new Command("revoke",
            "Revoke enrollment tokens: new tunnels are refused at once, and a gateway closes the tunnels they opened within 30 s.\n" + ExitCodes.Help)
        {
            target, config, db,
        };
        command.SetAction(async (parse, ct) => await StoreOpener.RunAsync(parse, config, db, async store =>
        {
            var key = parse.GetValue(target)!;
            var agentTokens = store.AgentTokens;
            var revoked = await agentTokens.RevokeAsync(key, TimeProvider.System.GetUtcNow(), ct);
            if (revoked == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: no active enrollment token with id or agent name '{key}'");
                return ExitCodes.CheckFailed;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Revoked {revoked} token{(revoked == 1 ? "" : "s")} of '{key}'.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ListCommand()
    {
        var api = new GatewayApi();
        var command = api.With(new Command("list",
            "List the agents connected to a running gateway (admins): name, since, from where, version and requests in flight.\n" + GatewayApi.Codes));
        command.SetAction((parse, ct) => api.CallAsync(parse, HttpMethod.Get, "api/agents", null, AgentText.Describe, ct));
        return command;
    }

    private static string Expiry(AgentTokenRecord token) => token.ExpiresAt is { } e ? Time(e) : "never";

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
