using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gatehouse.Cli;

/// <summary>
/// The options and the call shared by the verbs that talk to a running gateway's admin API as the person whose token
/// they are given (<c>approvals</c>, <c>access</c>): <c>--url</c>, <c>--token</c>, <c>--json</c>.
/// </summary>
internal sealed class GatewayApi
{
    /// <summary>The exit codes of the API verbs, for their help.</summary>
    public const string Codes = "Exit codes: 0 success; 1 refused by the gateway (not allowed, not found, already resolved, invalid); 2 invalid command line; 3 the gateway could not be reached.";

    public Option<string> Url { get; } = new("--url") { Description = "The gateway's base URL. Default: $GATEHOUSE_URL, else http://127.0.0.1:8080.", HelpName = "URL" };

    public Option<string?> Token { get; } = new("--token") { Description = "Your OIDC access token or API key. Default: $GATEHOUSE_TOKEN.", HelpName = "TOKEN" };

    public Option<bool> Json { get; } = CommonOptions.Json();

    /// <summary>Adds <c>--url</c>, <c>--token</c> and <c>--json</c> to <paramref name="command"/> and returns it.</summary>
    public Command With(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Token);
        command.Options.Add(Json);
        return command;
    }

    /// <summary>Sends one call and prints the answer: raw JSON with <c>--json</c>, else <paramref name="describe"/>'s text.</summary>
    public async Task<int> CallAsync(
        ParseResult parse, HttpMethod method, string path, Dictionary<string, string?>? body, Func<string, string> describe, CancellationToken cancellationToken)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("GATEHOUSE_TOKEN");
        var url = parse.GetValue(Url) ?? Environment.GetEnvironmentVariable("GATEHOUSE_URL") ?? "http://127.0.0.1:8080";
        if (string.IsNullOrWhiteSpace(token))
        {
            await error.WriteLineAsync("gatehouse: give your token with --token or GATEHOUSE_TOKEN");
            return ExitCodes.Usage;
        }

        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            await error.WriteLineAsync($"gatehouse: '{url}' is not an absolute URL");
            return ExitCodes.Usage;
        }

        using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

        // A list is paged (Link: rel="next"); every page is read, so nothing pending is left out.
        var pages = new List<string>();
        string? next = path;
        while (next is not null)
        {
            using var request = new HttpRequestMessage(method, next);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                await error.WriteLineAsync($"gatehouse: cannot reach the gateway at {baseUri}: {ex.Message}");
                return ExitCodes.StoreUnavailable;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await error.WriteLineAsync($"gatehouse: {(int)response.StatusCode} {ProblemDetail(text)}");
                    return ExitCodes.CheckFailed;
                }

                pages.Add(text);
                next = method == HttpMethod.Get ? NextPage(response) : null;
            }
        }

        var all = pages.Count == 1 ? pages[0] : JoinArrays(pages);
        await output.WriteLineAsync(parse.GetValue(Json) ? all : describe(all));
        return ExitCodes.Success;
    }

    /// <summary>Returns the relative URL of the <c>rel="next"</c> link, or null on the last page.</summary>
    private static string? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links.SelectMany(l => l.Split(',')))
        {
            var end = link.IndexOf('>', StringComparison.Ordinal);
            var start = link.IndexOf('<', StringComparison.Ordinal);
            if (start >= 0 && end > start && link.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                return link[(start + 1)..end].TrimStart('/');
            }
        }

        return null;
    }

    private static string JoinArrays(List<string> pages)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var page in pages)
            {
                using var document = JsonDocument.Parse(page);
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    item.WriteTo(writer);
                }
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ProblemDetail(string text)
    {
        try
        {
            using var problem = JsonDocument.Parse(text);
            var code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : text;
            return code is null ? detail ?? "" : $"{code}: {detail}";
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
