using Gatehouse.Policy.Matching;

namespace Gatehouse.Policy.Tests;

public sealed class GlobTests
{
    [Theory]
    [InlineData("**/auth/**", "src/auth/login.cs", true)]
    [InlineData("**/auth/**", "auth/login.cs", true)]
    [InlineData("**/auth/**", "/home/me/repo/src/auth/x/y.cs", true)]
    [InlineData("**/auth/**", "src/authz/login.cs", false)]
    [InlineData("**/auth/**", "src/oauth/login.cs", false)]
    [InlineData("**/auth/**", "src/auth", false)]
    [InlineData("**/*.pem", "key.pem", true)]
    [InlineData("**/*.pem", "deploy/certs/server.pem", true)]
    [InlineData("**/*.pem", "deploy/certs/server.pem.bak", false)]
    [InlineData("*.pem", "certs/server.pem", false)]
    [InlineData("*.pem", "server.pem", true)]
    [InlineData("src/**", "src/a/b/c.cs", true)]
    [InlineData("src/**", "lib/src/a.cs", false)]
    [InlineData("src/**/test.cs", "src/test.cs", true)]
    [InlineData("src/**/test.cs", "src/a/b/test.cs", true)]
    [InlineData("gpt-4*", "gpt-4o-mini", true)]
    [InlineData("gpt-4*", "gpt-3.5-turbo", false)]
    [InlineData("gpt-4?", "gpt-4o", true)]
    [InlineData("gpt-4?", "gpt-4", false)]
    [InlineData("claude-*-sonnet-*", "claude-3-5-sonnet-20241022", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("*", "a/b", false)]
    [InlineData("**", "a/b", true)]
    [InlineData("/v1/*/completions", "/v1/chat/completions", true)]
    [InlineData("exact", "EXACT", true)]
    [InlineData("**/AUTH/**", "src/auth/x", true)]
    public void IsMatch_Table_MatchesLikeGitignoreIgnoringCase(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, Glob.Compile(pattern).IsMatch(text));
    }

    [Fact]
    public void FirstMatch_LiteralsAndGlobs_ReturnsThePatternThatMatched()
    {
        var set = new GlobSet(["gpt-4o", "claude-*", "o?"]);

        Assert.Equal("gpt-4o", set.FirstMatch("GPT-4o"));
        Assert.Equal("claude-*", set.FirstMatch("claude-opus"));
        Assert.Equal("o?", set.FirstMatch("o3"));
        Assert.Null(set.FirstMatch("mistral"));
    }
}
