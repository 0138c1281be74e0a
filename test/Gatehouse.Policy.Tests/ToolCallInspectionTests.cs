using Gatehouse.Policy.Context;
using Gatehouse.Policy.ToolCalls;

namespace Gatehouse.Policy.Tests;

public sealed class ToolCallInspectionTests
{
    private static readonly HashSet<string> PathArguments = ["path", "file_path", "target_file", "filename"];

    public static TheoryData<string, string[]> Arguments => new()
    {
        { """{"path":"src/auth/login.cs"}""", ["src/auth/login.cs"] },
        { """{"file_path":"./src//auth/../auth/x.cs"}""", ["src/auth/x.cs"] },
        { """{"target_file":"src\\auth\\x.cs"}""", ["src/auth/x.cs"] },
        { """{"edits":[{"filename":"a.pem"},{"filename":"b.cs"}]}""", ["a.pem", "b.cs"] },
        { """{"path":["one.cs","two.cs"]}""", ["one.cs", "two.cs"] },
        { """{"command":"ls","cwd":"/tmp"}""", [] },
        { """{"input":"*** Begin Patch\n*** Update File: src/auth/login.cs\n@@\n-a\n+b\n*** Add File: certs/new.pem\n+x\n*** End Patch"}""", ["src/auth/login.cs", "certs/new.pem"] },
        { """{"patch":"diff --git a/src/auth/a.cs b/src/auth/a.cs\n--- a/src/auth/a.cs\n+++ b/src/auth/a.cs\n@@ -1 +1 @@\n-x\n+y\n"}""", ["src/auth/a.cs", "src/auth/a.cs", "src/auth/a.cs", "src/auth/a.cs"] },
        { """{"diff":"--- /dev/null\n+++ b/keys/id.pem\t2026-01-01\n"}""", ["keys/id.pem"] },
        { """{"command":["apply_patch","*** Begin Patch\n*** Delete File: auth/old.cs\n*** End Patch"]}""", ["auth/old.cs"] },
        { "not json\n+++ b/src/auth/x.cs\n", ["src/auth/x.cs"] },
    };

    [Theory]
    [MemberData(nameof(Arguments))]
    public void Inspect_Arguments_FindsEveryNamedFile(string arguments, string[] expected)
    {
        var inspected = InspectedToolCall.Inspect(new PolicyToolCall("tool", arguments), PathArguments);

        Assert.Equal(expected, inspected.Paths);
    }

    [Fact]
    public void Inspect_TopLevelArguments_ExposesTextAndTypedValues()
    {
        var inspected = InspectedToolCall.Inspect(new PolicyToolCall("run", """{"command":"rm -rf /","timeout":30,"opts":{"a":true}}"""), PathArguments);

        Assert.Equal("rm -rf /", inspected.ArgumentText["command"]);
        Assert.Equal("30", inspected.ArgumentText["timeout"]);
        Assert.Equal(30L, inspected.ArgumentValues["timeout"]);
        Assert.Equal(true, ((Dictionary<string, object?>)inspected.ArgumentValues["opts"]!)["a"]);
    }

    [Theory]
    [InlineData("a/./b/../c", "a/c")]
    [InlineData("/abs//dir/", "/abs/dir")]
    [InlineData("../x", "../x")]
    [InlineData(" 'quoted.cs' ", "quoted.cs")]
    [InlineData("plain", "plain")]
    public void Normalize_Spellings_OneCanonicalForm(string path, string expected)
    {
        Assert.Equal(expected, PathNormalizer.Normalize(path));
    }
}
