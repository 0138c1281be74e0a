using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// What GitHub Copilot sends and receives: inline completions in the legacy Completions shape
/// (<c>/v1/engines/{engine}/completions</c>, <c>prompt</c> + <c>suffix</c>, the file as context), and its headers.
/// </summary>
internal static class CopilotShapes
{
    /// <summary>The headers Copilot's editor extensions send with each request.</summary>
    public static readonly (string Name, string Value)[] Headers =
    [
        ("Openai-Organization", "github-copilot"),
        ("Openai-Intent", "copilot-ghost"),
        ("Editor-Version", "vscode/1.96.2"),
        ("Editor-Plugin-Version", "copilot/1.254.0"),
        ("Copilot-Integration-Id", "vscode-chat"),
        ("X-Request-Id", "2e177ccd-029e-46f1-bf59-3d366bdb5e55"),
    ];

    /// <summary>
    /// An inline-completion request body whose prompt is about <paramref name="promptBytes"/> of a Python file (its path
    /// comment, then numbered functions), with <paramref name="secret"/> in the prompt and in the suffix when given.
    /// </summary>
    public static string CompletionBody(int promptBytes, string? secret, bool stream, string word = "quokka")
    {
        var prompt = new StringBuilder("# Path: src/billing/invoices.py\n# Compare this snippet from src/billing/tax.py:\n");
        for (var i = 0; prompt.Length < promptBytes; i++)
        {
            prompt.Append(CultureInfo.InvariantCulture, $"def invoice_total_{i}(lines, rate=0.{i % 10 + 1}):\n")
                .Append(CultureInfo.InvariantCulture, $"    \"\"\"Sum the {(i == 7 ? word : "invoice")} lines, tax at \\\"{i % 23}%\\\".\"\"\"\n")
                .Append("    return sum(l.amount for l in lines) * (1 + rate)\n\n");
            if (i == 40 && secret is not null)
            {
                prompt.Append(CultureInfo.InvariantCulture, $"GITHUB_TOKEN = \"{secret}\"\n\n");
            }
        }

        prompt.Append("def send_invoice(invoice):\n    ");
        var suffix = "\n\n" + (secret is null ? "" : $"# fallback token: {secret}\n") + "if __name__ == \"__main__\":\n    main()\n";
        return JsonSerializer.Serialize(new
        {
            prompt = prompt.ToString(),
            suffix,
            max_tokens = 500,
            temperature = 0,
            top_p = 1,
            n = 1,
            stop = new[] { "\n\n" },
            nwo = "acme/billing",
            stream,
            extra = new { language = "python", next_indent = 4, trim_by_indentation = true, prompt_tokens = promptBytes / 4, suffix_tokens = 12 },
        });
    }

    /// <summary>A whole <c>text_completion</c> answer.</summary>
    public static string Completion(string text) => JsonSerializer.Serialize(new
    {
        id = "cmpl-1",
        @object = "text_completion",
        created = 1_700_000_000,
        model = "gpt-35-turbo",
        choices = new[] { new { text, index = 0, logprobs = (object?)null, finish_reason = "stop" } },
        usage = new { prompt_tokens = 2_000, completion_tokens = 9, total_tokens = 2_009 },
    });

    /// <summary>Stream events as Copilot's completions endpoint sends them (no <c>object</c>), then usage and <c>[DONE]</c>.</summary>
    public static IEnumerable<string> StreamEvents(IEnumerable<string> pieces)
    {
        foreach (var piece in pieces)
        {
            yield return Sse.Data(Chunk(piece, null));
        }

        yield return Sse.Data(Chunk("", "stop"));
        yield return Sse.Data("""{"id":"cmpl-1","created":1700000000,"model":"gpt-35-turbo","choices":[],"usage":{"prompt_tokens":2000,"completion_tokens":9,"total_tokens":2009}}""");
        yield return "data: [DONE]\n\n";
    }

    /// <summary>Joins the <c>choices[].text</c> of every chunk in <paramref name="sse"/>, as Copilot assembles a suggestion.</summary>
    public static string AssembledText(string sse)
    {
        var text = new StringBuilder();
        foreach (var line in sse.Split('\n'))
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                using var chunk = JsonDocument.Parse(line[6..]);
                foreach (var choice in chunk.RootElement.GetProperty("choices").EnumerateArray())
                {
                    text.Append(choice.GetProperty("text").GetString());
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A request as Copilot sends it: its headers, and the JSON body.</summary>
    public static HttpRequestMessage Request(string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static string Chunk(string text, string? finish) => JsonSerializer.Serialize(new
    {
        id = "cmpl-1",
        created = 1_700_000_000,
        model = "gpt-35-turbo",
        choices = new[] { new { index = 0, finish_reason = finish, logprobs = (object?)null, text } },
    });
}
