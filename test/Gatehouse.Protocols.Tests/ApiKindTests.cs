namespace Gatehouse.Protocols.Tests;

public sealed class ApiKindTests
{
    [Fact]
    public void Http_IsTheDefault()
    {
        Assert.Equal(ApiKind.Http, default(ApiKind));
    }
}
