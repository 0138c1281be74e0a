using System.Text.Json.Nodes;
using Gatehouse.DeployTests.Infrastructure;

namespace Gatehouse.DeployTests;

/// <summary>
/// The Compose quick start's Keycloak realm (deploy/compose/keycloak/realm.json) gives its three users exactly the
/// groups the gateway's configuration and policy name, in the claim and audience the issuer settings expect.
/// </summary>
public sealed class RealmTests
{
    private static readonly JsonNode Realm = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Compose, "keycloak", "realm.json")))!;
    private static readonly JsonNode Config = Yaml.File(Path.Combine(Repository.Compose, "gatehouse.yaml"));
    private static readonly JsonNode Policy = Yaml.File(Path.Combine(Repository.Compose, "policy.yaml"));

    [Fact]
    public void Realm_Developer_IsInAGroupTheDemoConnectionAndPolicyAllow()
    {
        var groups = GroupsOf("alice");

        var connection = Config["connections"]!.AsArray().Single(c => (string?)c!["name"] == "demo")!;
        Assert.Contains(Strings(connection["allowGroups"]), groups.Contains);
        var allow = Rules().Where(r => (string?)r["effect"] == "allow" && Strings(r["match"]!["connections"]).Contains("demo"));
        Assert.Contains(allow, rule => Strings(rule["match"]!["groups"]).Any(groups.Contains));
        Assert.DoesNotContain(Strings(Config["roles"]!["auditor"]!["groups"]), groups.Contains);
    }

    [Fact]
    public void Realm_Reviewer_IsInTheGroupThePolicyAsksToReview()
    {
        var groups = GroupsOf("bob");

        var reviewerGroups = Rules().Where(r => r["approval"] is not null).SelectMany(r => Strings(r["approval"]!["reviewer_groups"])).ToList();
        Assert.NotEmpty(reviewerGroups);
        Assert.Contains(reviewerGroups, groups.Contains);
        Assert.DoesNotContain(GroupsOf("alice"), reviewerGroups.Contains);   // a developer cannot approve their own hold
    }

    [Fact]
    public void Realm_Auditor_IsInTheAuditorRolesGroup()
    {
        var groups = GroupsOf("carol");

        Assert.Contains(Strings(Config["roles"]!["auditor"]!["groups"]), groups.Contains);
    }

    [Fact]
    public void Realm_AccessTokens_CarryTheIssuerAudienceAndGroupsClaimTheGatewayExpects()
    {
        var issuer = Config["identity"]!["oidc"]![0]!;
        var realm = (string)Realm["realm"]!;
        Assert.EndsWith($"/realms/{realm}", (string?)issuer["issuer"], StringComparison.Ordinal);
        Assert.EndsWith($"/realms/{realm}/.well-known/openid-configuration", (string?)issuer["metadataAddress"], StringComparison.Ordinal);

        var client = Realm["clients"]!.AsArray().Single()!;
        Assert.Equal("true", client["directAccessGrantsEnabled"]!.ToString());
        var mappers = client["protocolMappers"]!.AsArray();
        var groups = mappers.Single(m => (string?)m!["protocolMapper"] == "oidc-group-membership-mapper")!["config"]!;
        Assert.Equal((string?)issuer["groupsClaim"], (string?)groups["claim.name"]);
        Assert.Equal("false", (string?)groups["full.path"]);              // `developers`, not `/developers`
        Assert.Equal("true", (string?)groups["access.token.claim"]);
        var audience = mappers.Single(m => (string?)m!["protocolMapper"] == "oidc-audience-mapper")!["config"]!;
        Assert.Contains((string?)audience["included.custom.audience"], Strings(issuer["audiences"]));
        Assert.Equal("true", (string?)audience["access.token.claim"]);
    }

    [Fact]
    public void Realm_Users_CanSignInWithoutAProfileStep_AndEachGroupExists()
    {
        var defined = Realm["groups"]!.AsArray().Select(g => (string)g!["name"]!).ToHashSet();
        var users = Realm["users"]!.AsArray();

        Assert.Equal(["alice", "bob", "carol"], users.Select(u => (string)u!["username"]!).Order());
        Assert.All(users, user =>
        {
            // Keycloak's user profile asks for these at first sign-in, which a password grant cannot answer.
            Assert.All(new[] { "email", "firstName", "lastName" }, field => Assert.False(string.IsNullOrEmpty((string?)user![field])));
            Assert.Equal("true", user!["emailVerified"]!.ToString());
            Assert.Equal("false", user["credentials"]![0]!["temporary"]!.ToString());
            Assert.All(GroupsOf((string)user["username"]!), group => Assert.Contains(group, defined));
        });
    }

    private static List<string> GroupsOf(string username)
    {
        var user = Realm["users"]!.AsArray().Single(u => (string?)u!["username"] == username)!;
        var groups = user["groups"]!.AsArray().Select(g => ((string)g!).TrimStart('/')).ToList();
        Assert.NotEmpty(groups);
        return groups;
    }

    private static IEnumerable<JsonNode> Rules() => Policy["rules"]!.AsArray().Select(r => r!);

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(item => (string?)item ?? "")] : [];
}
