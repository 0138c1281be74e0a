using System.Net;
using System.Text.RegularExpressions;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Gatehouse.FunctionalTests.Replicas;

/// <summary>
/// The console behind a load balancer with no session affinity (issue 14): two real gateway processes on one
/// PostgreSQL, each in a working directory of its own, share the console's key ring through the store, so a session
/// signed in through one replica is valid on the other and a form rendered by one can be posted to the other.
/// </summary>
public sealed partial class ConsoleReplicaProcessTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SessionSignedInOnA_AcceptedByB_FormWithAsAntiforgeryTokenPostedToB_Accepted_AndRefusedWithoutTheToken()
    {
        await using var set = await ReplicaSet.CreateAsync();
        await using var upstream = await FakeUpstream.StartAsync();
        await using var door = await ConsoleFrontDoor.StartAsync(Path.Combine(set.Directory, "dev-issuer.jwk.json"));
        var config = set.WriteConfig(upstream.BaseUri, $$"""
            console:
              oidc: { issuer: {{door.Issuer}}, clientId: gatehouse-console, allowHttp: true }
              keyRingKey: { env: GATEHOUSE_TEST_KEY_RING_KEY }
            roles:
              admin: { groups: [admin] }
            """);
        await using var a = await set.StartAsync(config, "replica-a");
        await using var b = await set.StartAsync(config, "replica-b");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = door.BaseUri,
        };

        door.Target = a.Url;
        await SignInAsync(browser, "dave");
        var onA = await GetPageAsync(browser, "console/admin/holds");
        Assert.Contains("dave", onA, StringComparison.Ordinal);
        var token = AntiforgeryField().Match(onA) is { Success: true } field ? WebUtility.HtmlDecode(field.Groups["token"].Value) : null;
        Assert.False(string.IsNullOrEmpty(token), "the holds page rendered by replica A carries no antiforgery token");

        // Replica B has never seen this browser: it must read A's session cookie with the key ring in the store.
        door.Target = b.Url;
        using (var page = await browser.GetAsync("console/admin/holds", Token))
        {
            Assert.True(page.StatusCode == HttpStatusCode.OK,
                $"replica B answered {(int)page.StatusCode} {page.Headers.Location} to a session signed in on replica A:\n{b.Output}");
            Assert.Contains("dave", await page.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        using (var refused = await PlaceHoldAsync(browser, antiforgery: null, "without a token"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("antiforgery_failed", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        Assert.Equal(0L, await HoldsAsync(set));
        using (var placed = await PlaceHoldAsync(browser, token, "with replica A's token"))
        {
            Assert.True(placed.StatusCode == HttpStatusCode.Redirect,
                $"replica B answered {(int)placed.StatusCode} to a form posted with replica A's antiforgery token:\n{await placed.Content.ReadAsStringAsync(Token)}");
            Assert.Contains("placed=hold-", placed.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(1L, await HoldsAsync(set));
    }

    /// <summary>Signs <paramref name="user"/> in as a browser would: the console's challenge, the issuer's picker, the callback.</summary>
    private static async Task SignInAsync(HttpClient browser, string user)
    {
        using var challenge = await browser.GetAsync("console", Token);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Contains("/dev-issuer/authorize", authorize.AbsolutePath, StringComparison.Ordinal);
        var fields = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        fields["user"] = user;
        using var picked = await browser.PostAsync(authorize, new FormUrlEncodedContent(fields), Token);
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        using var callback = await browser.GetAsync(picked.Headers.Location, Token);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"the sign-in callback answered {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync(Token)}");
    }

    private static async Task<string> GetPageAsync(HttpClient browser, string path)
    {
        using var page = await browser.GetAsync(path, Token);
        var body = await page.Content.ReadAsStringAsync(Token);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)page.StatusCode} {page.Headers.Location}: {body}");
        return body;
    }

    private static Task<HttpResponseMessage> PlaceHoldAsync(HttpClient browser, string? antiforgery, string reason)
    {
        var fields = new Dictionary<string, string> { ["target"] = "user", ["value"] = "alice@example.com", ["reason"] = "matter 2026-14 " + reason };
        if (antiforgery is not null)
        {
            fields["__antiforgery"] = antiforgery;
        }

        return browser.PostAsync("console/admin/holds?handler=Place", new FormUrlEncodedContent(fields), Token);
    }

    private static async Task<long> HoldsAsync(ReplicaSet set)
    {
        await using var connection = new NpgsqlConnection(set.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM legal_holds", connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    [GeneratedRegex("<input[^>]*name=\"__antiforgery\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
