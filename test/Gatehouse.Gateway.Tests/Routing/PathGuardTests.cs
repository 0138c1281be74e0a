using Gatehouse.Gateway.Routing;

namespace Gatehouse.Gateway.Tests.Routing;

public sealed class PathGuardTests
{
    [Theory]
    [InlineData("")]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/models/")]
    [InlineData("/v1/files/file-abc.jsonl")]
    public void Check_OrdinaryPath_IsAccepted(string path)
    {
        Assert.Null(PathGuard.Check(path));
    }

    [Theory]
    [InlineData("/v1/../other")]
    [InlineData("/v1/./chat")]
    [InlineData("/..")]
    [InlineData("/v1//chat")]
    [InlineData("/v1/chat\\completions")]
    [InlineData("/v1/..%2Fother")]
    [InlineData("/v1/%2e%2e/other")]
    [InlineData("/v1/..;/other")]
    [InlineData("/v1/chat;x=1/completions")]
    [InlineData("/v1/chat\u0000")]
    [InlineData("/v1/chat\ncompletions")]
    public void Check_AmbiguousPath_IsRefused(string path)
    {
        Assert.NotNull(PathGuard.Check(path));
    }
}
