using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>Development mode without a <c>roles</c> section: the <c>admin</c> group reads everyone's exchanges.</summary>
public sealed class AuditApiDevRolesTests : GatewayTest
{
    [Fact]
    public async Task DevMode_AdminGroupReadsEveryone_DevGroupOnlyItself()
    {
        Upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        };
        var request = new { model = "gpt-test", messages = new[] { new { role = "user", content = "hello" } } };
        using (var sent = await Gateway.Client(Gateway.Token("kai@example.com", "dev")).PostAsJsonAsync("openai/v1/chat/completions", request, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        await Gateway.WaitForExchangeAsync("kai@example.com");

        Assert.Equal(1, await CountAsync(Gateway.Token("root", "admin")));
        Assert.Equal(1, await CountAsync(Gateway.Token("aud", "auditor")));
        Assert.Equal(0, await CountAsync(Gateway.Token("lou@example.com", "dev")));
    }

    private async Task<int> CountAsync(string token)
    {
        var body = await Gateway.Client(token).GetStringAsync("api/audit", TestContext.Current.CancellationToken);
        return JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength();
    }
}
