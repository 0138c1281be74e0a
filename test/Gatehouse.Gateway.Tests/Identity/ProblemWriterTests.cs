using System.Text.Json;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class ProblemWriterTests
{
    [Fact]
    public async Task Write_Problem_Rfc9457BodyWithCode()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var problem = new GatehouseProblem("audit_unavailable", "Audit unavailable", 503, "The audit store cannot be written; the request was not forwarded.");

        await ProblemWriter.WriteAsync(context.Response, problem, CancellationToken.None);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        var root = json.RootElement;
        Assert.Equal("https://gatehouse.dev/problems/audit_unavailable", root.GetProperty("type").GetString());
        Assert.Equal("Audit unavailable", root.GetProperty("title").GetString());
        Assert.Equal(503, root.GetProperty("status").GetInt32());
        Assert.Equal(problem.Detail, root.GetProperty("detail").GetString());
        Assert.Equal("audit_unavailable", root.GetProperty("code").GetString());
        Assert.Equal(context.Response.Body.Length, context.Response.ContentLength);
    }
}
