using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gatehouse.Cli;

namespace Gatehouse.Approvals;

/// <summary>
/// <c>gatehouse approvals list|show|approve|reject</c>: the reviewers' API from a terminal. It talks to a running gateway
/// as the reviewer whose token it is given, so the same rules apply as through the API (never one's own request).
/// </summary>
internal static class ApprovalsCommand
{
    private const string Codes = "Exit codes: 0 success; 1 refused (not a reviewer, own request, already resolved, not found); 2 invalid command line; 3 the gateway could not be reached.";

    public static Command Create()
    {
        var approvals = new Command("approvals", "Review requests held for approval, through a running gateway's /api/approvals.");
        var url = new Option<string>("--url") { Description = "The gateway's base URL. Default: $GATEHOUSE_URL, else http://127.0.0.1:8080.", HelpName = "URL" };
        var token = new Option<string?>("--token") { Description = "The reviewer's OIDC access token or API key. Default: $GATEHOUSE_TOKEN.", HelpName = "TOKEN" };
        var json = CommonOptions.Json();
        var state = new Option<string>("--state") { Description = "pending, approved, rejected, timed_out or all.", DefaultValueFactory = _ => "pending" };
        var list = new Command("list", "List the approval requests you may review or made.\n" + Codes) { state, url, token, json };
        list.SetAction((parse, ct) => CallAsync(parse, url, token, HttpMethod.Get, $"api/approvals?state={Uri.EscapeDataString(parse.GetValue(state)!)}", null, parse.GetValue(json), ct));

        var id = new Argument<string>("id") { Description = "The approval id (apr_...)." };
        var show = new Command("show", "Show one approval request and its reviews.\n" + Codes) { id, url, token, json };
        show.SetAction((parse, ct) => CallAsync(parse, url, token, HttpMethod.Get, $"api/approvals/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, parse.GetValue(json), ct));

        approvals.Subcommands.Add(list);
        approvals.Subcommands.Add(show);
        approvals.Subcommands.Add(Review("approve", id, url, token, json));
        approvals.Subcommands.Add(Review("reject", id, url, token, json));
        return approvals;
    }

    private static Command Review(string decision, Argument<string> id, Option<string> url, Option<string?> token, Option<bool> json)
    {
        var justification = new Option<string?>("--justification", "-m") { Description = "Why; recorded in the audit trail.", HelpName = "TEXT" };
        var command = new Command(decision, $"{char.ToUpperInvariant(decision[0])}{decision[1..]} a held request as yourself.\n" + Codes) { id, justification, url, token, json };
        command.SetAction((parse, ct) => CallAsync(parse, url, token, HttpMethod.Post,
            $"api/approvals/{Uri.EscapeDataString(parse.GetValue(id)!)}/{decision}",
            JsonSerializer.Serialize(new Dictionary<string, string?> { ["justification"] = parse.GetValue(justification) }),
            parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> CallAsync(
        ParseResult parse, Option<string> urlOption, Option<string?> tokenOption, HttpMethod method, string path, string? body, bool json, CancellationToken cancellationToken)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var token = parse.GetValue(tokenOption) ?? Environment.GetEnvironmentVariable("GATEHOUSE_TOKEN");
        var url = parse.GetValue(urlOption) ?? Environment.GetEnvironmentVariable("GATEHOUSE_URL") ?? "http://127.0.0.1:8080";
        if (string.IsNullOrWhiteSpace(token))
        {
            await error.WriteLineAsync("gatehouse: give the reviewer's token with --token or GATEHOUSE_TOKEN");
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
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
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

            await output.WriteLineAsync(json ? text : ApprovalText.Describe(text));
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
