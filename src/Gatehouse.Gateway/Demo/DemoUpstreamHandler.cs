using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gatehouse.Gateway.Demo;

/// <summary>
/// The built-in <c>demo</c> upstream of <c>serve --dev</c>: answers OpenAI chat completions, streamed and not, with
/// canned code, in-process, so the whole flow works with no outside account. It sits behind YARP like any upstream.
/// </summary>
internal sealed class DemoUpstreamHandler : HttpMessageHandler
{
    public const string Model = "gatehouse-demo";

    private readonly TimeProvider _time;

    public DemoUpstreamHandler(TimeProvider time)
    {
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath.TrimEnd('/') ?? "";
        if (request.Method == HttpMethod.Get && path.EndsWith("/models", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, DemoAnswers.ModelList(Model));
        }

        if (request.Method != HttpMethod.Post || !path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.NotFound, DemoAnswers.Error($"The demo upstream answers POST /v1/chat/completions and GET /v1/models, not {request.Method} {path}."));
        }

        var body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        var (model, stream) = ReadRequest(body);
        var id = "chatcmpl-demo-" + Guid.CreateVersion7(_time.GetUtcNow()).ToString("N")[..12];
        var created = _time.GetUtcNow().ToUnixTimeSeconds();
        if (!stream)
        {
            return Json(HttpStatusCode.OK, DemoAnswers.Completion(id, created, model));
        }

        var pipe = new Pipe();
        _ = WriteStreamAsync(pipe.Writer, id, created, model, cancellationToken);
        var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    private async Task WriteStreamAsync(PipeWriter writer, string id, long created, string model, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var chunk in DemoAnswers.StreamChunks(id, created, model))
            {
                await writer.WriteAsync(Encoding.UTF8.GetBytes($"data: {chunk}\n\n"), cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(15), _time, cancellationToken);
            }

            await writer.WriteAsync("data: [DONE]\n\n"u8.ToArray(), cancellationToken);
            await writer.CompleteAsync();
        }
        catch (OperationCanceledException ex)
        {
            await writer.CompleteAsync(ex);
        }
    }

    private static (string Model, bool Stream) ReadRequest(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : Model;
            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            return (model, stream);
        }
        catch (JsonException)
        {
            return (Model, false);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };
}
