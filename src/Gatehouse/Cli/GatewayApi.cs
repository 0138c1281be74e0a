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
        using var request = new HttpRequestMessage(method, path);
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

            await output.WriteLineAsync(parse.GetValue(Json) ? text : describe(text));
            return ExitCodes.Success;
        }
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
