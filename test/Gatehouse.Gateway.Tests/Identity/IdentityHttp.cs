using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>Calls the identity test app and reads what a client would observe.</summary>
internal static class IdentityHttp
{
    private const int IssuerUnavailableEventId = 1003;

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string? bearer = null, string? apiKey = null, string path = "/whoami")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Asserts the caller was identified and returns the identity's JSON; when it was not, the failure quotes the
    /// problem and, given the app's <paramref name="logs"/>, why each issuer was unavailable (the exception the
    /// client is never shown).
    /// </summary>
    public static async Task<JsonElement> IdentityAsync(HttpResponseMessage response, CapturingLoggerProvider? logs = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, response.StatusCode == HttpStatusCode.OK ? body : Explain(body, logs));
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string[] Groups(JsonElement identity) =>
        [.. identity.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!)];

    /// <summary>
    /// Asserts the response is an RFC 9457 problem with the code, and that it does not echo <paramref name="secret"/>;
    /// returns the problem's detail.
    /// </summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, string code, string? secret = null, int status = 401)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("https://gatehouse.dev/problems/" + code, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Split('.')[0], body, StringComparison.Ordinal);
        }

        if (status == 401)
        {
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private static string Explain(string body, CapturingLoggerProvider? logs)
    {
        var unavailable = logs?.Lines.Where(l => l.Id.Id == IssuerUnavailableEventId).Select(l => l.Text).ToList() ?? [];
        return unavailable.Count == 0 ? body : $"{body}\nissuer unavailable, as logged:\n{string.Join("\n", unavailable)}";
    }
}
