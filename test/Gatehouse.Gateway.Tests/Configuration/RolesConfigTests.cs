using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class RolesConfigTests : IDisposable
{
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("gatehouse-roles-").FullName, "gatehouse.yaml");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Fact]
    public void Load_RolesSection_BuildsAdminAndAuditorMembers()
    {
        var result = Load("roles:\n  admin:\n    groups: [platform]\n  auditor:\n    groups: [compliance, security]\n    users: [audra@example.com]\n");

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(["platform"], result.Config!.Roles.Admin.Groups);
        Assert.Empty(result.Config.Roles.Admin.Users);
        Assert.Equal(["compliance", "security"], result.Config.Roles.Auditor.Groups);
        Assert.Equal(["audra@example.com"], result.Config.Roles.Auditor.Users);
    }

    [Theory]
    [InlineData("roles:\n  owner:\n    groups: [x]\n", "roles.owner")]
    [InlineData("roles:\n  auditor:\n    team: [x]\n", "roles.auditor.team")]
    [InlineData("roles:\n  admin:\n    users: [\"\"]\n", "roles.admin.users[0]")]
    [InlineData("roles:\n  admin: everyone\n", "roles.admin")]
    public void Load_InvalidRoles_ReportsThePath(string yaml, string expectedPath)
    {
        var result = Load(yaml);

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Path == expectedPath);
    }

    [Fact]
    public void Load_NoRolesSection_GivesNobodyARole()
    {
        var roles = Load("server:\n  urls: [http://127.0.0.1:8080]\n").Config!.Roles;

        Assert.False(roles.Admin.Admits("root", "root@example.com", ["admin"]));
        Assert.False(roles.Auditor.Admits("root", "root@example.com", ["auditor"]));
    }

    [Theory]
    [InlineData("sub-1", null, new string[0], true)]
    [InlineData("someone", "Audra@Example.com", new string[0], true)]
    [InlineData("someone", null, new[] { "dev", "security" }, true)]
    [InlineData("SUB-1", null, new[] { "Security" }, false)]
    [InlineData("someone", "other@example.com", new[] { "dev" }, false)]
    public void Admits_CallerBySubjectEmailOrGroup(string subject, string? email, string[] groups, bool expected)
    {
        var members = new RoleMembers { Groups = ["security"], Users = ["sub-1", "audra@example.com"] };

        Assert.Equal(expected, members.Admits(subject, email, groups));
    }

    private ConfigLoadResult Load(string yaml)
    {
        File.WriteAllText(_path, yaml);
        return GatehouseConfigLoader.Load(_path, new Hashtable());
    }
}
