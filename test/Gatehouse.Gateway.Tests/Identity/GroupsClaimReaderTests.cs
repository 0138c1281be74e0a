using System.Text.Json;
using Gatehouse.Gateway.Identity.Oidc;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class GroupsClaimReaderTests
{
    [Theory]
    [InlineData("""{"groups":["a","b"]}""", "groups", "a,b")]
    [InlineData("""{"groups":"solo"}""", "groups", "solo")]
    [InlineData("""{"groups":["a","a",7,null,"","b"]}""", "groups", "a,b")]
    [InlineData("""{"realm_access":{"roles":["admin","viewer"]}}""", "realm_access.roles", "admin,viewer")]
    [InlineData("""{"a":{"b":{"c":"deep"}}}""", "a.b.c", "deep")]
    [InlineData("""{"https://corp.example/groups":["x"]}""", "https://corp.example/groups", "x")]
    [InlineData("""{"groups":{"nested":"object"}}""", "groups", "")]
    [InlineData("""{"groups":42}""", "groups", "")]
    [InlineData("""{"realm_access":"flat"}""", "realm_access.roles", "")]
    [InlineData("""{"other":["x"]}""", "groups", "")]
    public void Read_ClaimShape_ReturnsStringGroups(string payload, string path, string expected)
    {
        using var document = JsonDocument.Parse(payload);

        var groups = GroupsClaimReader.Read(document.RootElement, path);

        Assert.Equal(expected, string.Join(',', groups));
    }
}
