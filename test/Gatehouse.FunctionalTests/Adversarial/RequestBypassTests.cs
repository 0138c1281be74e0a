using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests.Adversarial;

/// <summary>
/// A caller with only a developer token tries to get a secret past request masking: by what the headers say the body
/// is, by JSON escapes, in property names, in the query, on paths the gateway does not understand, in bodies it cannot
/// read, and through a WebSocket upgrade. Each case asserts the secret reaches neither the upstream, nor the client,
/// nor a log line, nor the database files.
/// </summary>
public sealed partial class RequestBypassTests : GatewayTest
{
    private const string User = "mallory";
    private const string MaskedAws = "[MASKED:aws-access-key-id]";
    private const string OtherAwsKeyId = "AKIAQWERTYZXCVBNMLKJ";
    private static readonly string AwsKeyId = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;
    private static readonly string GitHubToken = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
    private readonly CapturedLogs _logs = new();

    protected override CapturedLogs? Logs => _logs;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Escaped(string secret)
        => string.Concat(secret.Select((c, i) => i % 4 == 1 ? $"\\u{(int)c:x4}" : c.ToString()));

    private static string? Content(ReceivedRequest received)
    {
        using var json = JsonDocument.Parse(received.Body);
        return json.RootElement.GetProperty("messages")[0].GetProperty("content").GetString();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, byte[] body, string contentType)
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("noted"));
        using var content = new ByteArrayContent(body);
        if (contentType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var client = Gateway.Client(Gateway.Token(User));
        using var response = await client.PostAsync(path, content, Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private async Task<string> SendRawAsync(string head)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Gateway.BaseUri.Host, Gateway.BaseUri.Port, Cancellation);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Cancellation);
        var response = new StringBuilder();
        var buffer = new byte[4096];
        while (!Complete(response.ToString()))
        {
            var read = await stream.ReadAsync(buffer, Cancellation);
            if (read == 0)
            {
                break;
            }

            response.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return response.ToString();

        // A refusal is a problem document (with a length, or chunked); an upgrade that went through never ends on its own.
        static bool Complete(string text)
        {
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            var headers = text[..end].Split("\r\n");
            var length = headers.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            if (length is not null)
            {
                return Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(length["Content-Length:".Length..].Trim(), provider: null);
            }

            return text.StartsWith("HTTP/1.1 101", StringComparison.Ordinal) || text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
        }
    }

    private async Task<ExchangeRecord> RecordAsync()
    {
        await using var store = Gateway.OpenStore();
        return await Eventually.ValueAsync(async () =>
        {
            var page = await store.SearchAsync(new ExchangeQuery { User = User }, Cancellation);
            return page.Items is [{ Outcome: not null } record] ? record : null;
        }, $"the outcome of {User}'s exchange");
    }

    /// <summary>
    /// The secret is in nothing the upstream received (raw, JSON-decoded or percent-decoded), nor in the client's body,
    /// any log line or the database files.
    /// </summary>
    private async Task AssertNowhereAsync(string secret, string clientBody)
    {
        var middle = secret[4..14];
        foreach (var received in Upstream.Received)
        {
            foreach (var view in Views(received.PathAndQuery).Concat(Views(received.BodyText)))
            {
                Assert.DoesNotContain(middle, view, StringComparison.Ordinal);
            }
        }

        await LeakCheck.AssertAbsentAsync(secret, clientBody, _logs, Gateway.DatabasePath);
    }

    private async Task AssertNotInDatabaseAsync(string text)
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Gateway.DatabasePath)!, Path.GetFileName(Gateway.DatabasePath) + "*"))
        {
            var bytes = await File.ReadAllBytesAsync(file, Cancellation);
            Assert.DoesNotContain(text, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Views(string text)
    {
        yield return text;
        yield return Uri.UnescapeDataString(text.Replace('+', ' '));
        JsonDocument? json = null;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
        }

        if (json is not null)
        {
            using (json)
            {
                yield return string.Join("\n", Strings(json.RootElement));
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
