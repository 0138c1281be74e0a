namespace Gatehouse.ProxyBench;

/// <summary>The fake model upstream: answers every request with one small chat completion.</summary>
internal static class FakeModel
{
    private const string Completion =
        """{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-test","choices":[{"index":0,"message":{"role":"assistant","content":"int Add(int a, int b) => a + b;"},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""";

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Completion, context.RequestAborted);
        });
        await app.RunAsync();
        return 0;
    }
}
