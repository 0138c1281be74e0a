using System.CommandLine;
using System.Globalization;
using Gatehouse.Cli;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Keys;

/// <summary><c>gatehouse keys create|list|revoke</c>: API keys for CI jobs and service accounts.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage API keys for CI jobs and service accounts. Only a hash of each key is stored.");
        keys.Subcommands.Add(CreateCommand());
        keys.Subcommands.Add(ListCommand());
        keys.Subcommands.Add(RevokeCommand());
        return keys;
    }

    private static Command CreateCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var name = new Option<string>("--name", "-n") { Description = "A unique name, such as ci-bot.", Required = true, HelpName = "NAME" };
        var owner = new Option<string>("--owner", "-o")
        {
            Description = "The person the key acts for: an e-mail address, or a token's issuer and subject as ISSUER#SUB. "
                + "The key counts as this person for self-review, review counting and the audit scope.",
            Required = true,
            HelpName = "OWNER",
        };
        var groups = new Option<string?>("--groups", "-g") { Description = "Comma-separated groups the key's caller holds.", HelpName = "G1,G2" };
        var expires = new Option<string>("--expires")
        {
            Description = "Lifetime from 1m to 3650d (such as 90d or 12h; the duration grammar of docs/configuration.md), or 'never'.",
            DefaultValueFactory = _ => "90d",
            HelpName = "DURATION",
        };
        var by = By("Who creates the key, recorded in its key.created audit entry.");
        var command = new Command("create", "Create a key and print it once; it cannot be shown again. The audit trail records key.created (id, name, owner, groups, --by; never the key).\n" + ExitCodes.Help)
        {
            name, owner, groups, expires, by, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var expiry = DurationGrammar.Parse(parse.GetValue(expires), ApiKeyLifetime.Range);
            if (!expiry.Succeeded)
            {
                await error.WriteLineAsync($"gatehouse: --expires: {expiry.Error}");
                return ExitCodes.Usage;
            }

            if (!ApiKeyOwner.TryParse(parse.GetValue(owner), out var ownerKey, out var ownerError))
            {
                await error.WriteLineAsync($"gatehouse: {ownerError}");
                return ExitCodes.Usage;
            }

            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var time = TimeProvider.System;
                var groupList = (parse.GetValue(groups) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var issued = new ApiKeyIssuer(time).Create(parse.GetValue(name)!, groupList, time.GetUtcNow() + expiry.Value, ownerKey);
                if (!await store.Keys.CreateAsync(issued.Record, parse.GetValue(by) ?? Environment.UserName, ct))
                {
                    await error.WriteLineAsync($"gatehouse: a key named '{issued.Record.Name}' already exists; revoke it or choose another name");
                    return ExitCodes.Usage;
                }

                await output.WriteLineAsync(issued.Plaintext);
                await error.WriteLineAsync(
                    $"Created key '{issued.Record.Name}' (id {issued.Record.Id}, owner: {issued.Record.Owner}, groups: {Groups(issued.Record)}, expires: {Expiry(issued.Record)}). " +
                    "Store it now: it is not shown again. Clients send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.");
                return ExitCodes.Success;
            }, create: true);
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (config, db, json) = (CommonOptions.Config(), CommonOptions.Database(), CommonOptions.Json());
        var command = new Command("list", "List keys (never their secrets).\n" + ExitCodes.Help) { config, db, json };
        command.SetAction(async (parse, ct) =>
        {
            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var keys = await store.Keys.ListAsync(ct);
                var output = parse.InvocationConfiguration.Output;
                if (parse.GetValue(json))
                {
                    await output.WriteLineAsync(CliJson.Keys(keys));
                    return ExitCodes.Success;
                }

                var rows = keys.Select(k => new[] { k.Name, k.Id, k.Owner ?? "-", Groups(k), Time(k.CreatedAt), Expiry(k), k.RevokedAt is { } r ? Time(r) : "-" });
                await output.WriteAsync(TextTable.Render(["NAME", "ID", "OWNER", "GROUPS", "CREATED", "EXPIRES", "REVOKED"], rows));
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command RevokeCommand()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var key = new Argument<string>("key") { Description = "The key's name or id." };
        var by = By("Who revokes the key, recorded in its key.revoked audit entry.");
        var command = new Command("revoke", "Revoke a key; callers using it are refused from then on. The audit trail records key.revoked (id, name, groups, --by).\n" + ExitCodes.Help)
        {
            key, by, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            return await StoreOpener.RunAsync(parse, config, db, async store =>
            {
                var target = parse.GetValue(key)!;
                if (!await store.Keys.RevokeAsync(target, TimeProvider.System.GetUtcNow(), parse.GetValue(by) ?? Environment.UserName, ct))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: no active key named or with id '{target}'");
                    return ExitCodes.CheckFailed;
                }

                await parse.InvocationConfiguration.Output.WriteLineAsync($"Revoked '{target}'.");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Option<string?> By(string description) =>
        new("--by") { Description = description + " Default: the operating-system user.", HelpName = "NAME" };

    private static string Groups(ApiKeyRecord key) => key.Groups.Count == 0 ? "-" : string.Join(",", key.Groups);

    private static string Expiry(ApiKeyRecord key) => key.ExpiresAt is { } e ? Time(e) : "never";

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
