using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>The audit API over real HTTP: who may read what, filters, text search and the OpenAPI document.</summary>
public sealed class AuditApiTests : GatewayTest
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_AuditorByUserTimeAndText_FindsTheExchangeWithItsResponse()
    {
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        await ChatAsync("dana@example.com", "rotate the billing webhook secret", "Rotated; the old one expires tonight");
        await ChatAsync("erin@example.com", "rotate the billing webhook secret", "Done");
        await Gateway.WaitForExchangeAsync("dana@example.com");
        var auditor = Gateway.Client(Gateway.Token("audra@example.com", "compliance"));

        var url = $"api/audit?user=dana@example.com&from={Uri.EscapeDataString(before.ToString("O"))}&to={Uri.EscapeDataString(TimeProvider.System.GetUtcNow().AddMinutes(1).ToString("O"))}&text=expires%20tonight";
        var page = await GetJsonAsync(auditor, url);

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("dana@example.com", item.GetProperty("subject").GetString());
        Assert.Equal(200, item.GetProperty("status").GetInt32());
        var id = item.GetProperty("id").GetString()!;
        var exchange = await GetJsonAsync(auditor, $"api/audit/{id}");
        Assert.Contains("billing webhook", exchange.GetProperty("intent").GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Equal("Rotated; the old one expires tonight", exchange.GetProperty("outcome").GetProperty("response").GetString());
        Assert.Equal("completed", exchange.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Developer_OthersRecords_AreNeitherListedNorReadable()
    {
        await ChatAsync("frank@example.com", "frank's prompt", "frank's answer");
        await ChatAsync("gina@example.com", "gina's prompt", "gina's answer");
        var frankId = (await Gateway.WaitForExchangeAsync("frank@example.com")).ExchangeId;
        var ginaId = (await Gateway.WaitForExchangeAsync("gina@example.com")).ExchangeId;
        var gina = Gateway.Client(Gateway.Token("gina@example.com", "dev"));

        var listed = await GetJsonAsync(gina, "api/audit?text=prompt");
        var own = await gina.GetAsync($"api/audit/{ginaId}", Token);
        var other = await gina.GetAsync($"api/audit/{frankId}", Token);
        var missing = await gina.GetAsync("api/audit/no-such-exchange", Token);
        var askedForFrank = await gina.GetAsync("api/audit?user=frank@example.com", Token);

        Assert.Equal([ginaId], listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await missing.Content.ReadAsStringAsync(Token), (await other.Content.ReadAsStringAsync(Token)).Replace(frankId, "no-such-exchange", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, askedForFrank.StatusCode);
    }

    [Fact]
    public async Task Admin_SeesEveryonesExchanges_PageByPage()
    {
        foreach (var user in new[] { "hal@example.com", "ivy@example.com", "jon@example.com" })
        {
            await ChatAsync(user, "hello from " + user, "hi");
            await Gateway.WaitForExchangeAsync(user);
        }

        var admin = Gateway.Client(Gateway.Token("root", "security"));
        var first = await GetJsonAsync(admin, "api/audit?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await GetJsonAsync(admin, $"api/audit?limit=2&cursor={Uri.EscapeDataString(cursor)}");

        var users = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("subject").GetString());
        Assert.Equal(["jon@example.com", "ivy@example.com", "hal@example.com"], users);
        Assert.False(second.TryGetProperty("nextCursor", out _));
    }

    [Theory]
    [InlineData("api/audit?limit=9999", "limit")]
    [InlineData("api/audit?text=%25%25", "no word")]
    [InlineData("api/audit?cursor=42", "cursor")]
    [InlineData("api/audit?from=yesterday", "from must be a time")]
    [InlineData("api/audit?usr=dana", "'usr' is not a filter")]
    public async Task Search_BadQuery_IsAProblemNamingTheParameter(string url, string expected)
    {
        var response = await Gateway.Client(Gateway.Token("root", "security")).GetAsync(url, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.Equal("invalid_query", problem.GetProperty("code").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithoutCredentials_Is401Problem()
    {
        var response = await Gateway.Client().GetAsync("api/audit", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed_AndNamesTheAdminApi()
    {
        var document = await GetJsonAsync(Gateway.Client(), "api/openapi.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/audit", paths);
        Assert.Contains("/api/audit/{id}", paths);
        Assert.Contains("/api/approvals", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
        var parameters = document.GetProperty("paths").GetProperty("/api/audit").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Subset(new HashSet<string?> { "user", "group", "connection", "model", "decision", "rule", "finding", "status", "from", "to", "text", "cursor", "limit" }, parameters.ToHashSet());
    }

    protected override GatehouseConfig Adjust(GatehouseConfig config) => config with
    {
        Roles = new RolesConfig
        {
            Admin = new RoleMembers { Groups = ["security"] },
            Auditor = new RoleMembers { Users = ["audra@example.com"] },
        },
    };

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task ChatAsync(string user, string prompt, string answer)
    {
        Upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(OpenAIShapes.Completion(answer));
        };
        var request = new { model = "gpt-test", messages = new[] { new { role = "user", content = prompt } } };
        using var response = await Gateway.Client(Gateway.Token(user, "dev")).PostAsJsonAsync("openai/v1/chat/completions", request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
