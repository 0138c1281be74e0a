using System.Collections;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class GatehouseConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_FullFile_BuildsSnapshot()
    {
        var path = Write("""
            server:
              urls: [http://127.0.0.1:9000]
            identity:
              oidc:
                - issuer: https://idp.example.com/realms/dev
                  audiences: [gatehouse]
                  groupsClaim: realm_access.roles
                  clockSkew: 30s
            connections:
              - name: openai
                kind: openai
                upstream: https://api.openai.com
                credential: { header: Authorization, prefix: "Bearer ", env: TEST_OPENAI_KEY }
                allowGroups: [eng, ml]
            audit:
              failureMode: open
            limits:
              upstreamTimeout: 2m
              requestHeadersTimeout: 5s
              minRequestBodyBytesPerSecond: 1000
            """);

        var result = GatehouseConfigLoader.Load(path, Env(("TEST_OPENAI_KEY", "sk-test-value")));

        Assert.True(result.Success, result.FormatErrors());
        var config = result.Config!;
        Assert.Equal(["http://127.0.0.1:9000"], config.Server.Urls);
        var issuer = Assert.Single(config.Identity.Oidc);
        Assert.Equal("realm_access.roles", issuer.GroupsClaim);
        Assert.Equal(TimeSpan.FromSeconds(30), issuer.ClockSkew);
        var connection = Assert.Single(config.Connections);
        Assert.Equal(new Uri("https://api.openai.com"), connection.Upstream);
        Assert.Equal("sk-test-value", connection.Credential!.Value);
        Assert.Equal(["eng", "ml"], connection.AllowGroups);
        Assert.Equal(AuditFailureMode.Open, config.Audit.FailureMode);
        Assert.Equal(TimeSpan.FromMinutes(2), config.Limits.UpstreamTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), config.Limits.RequestHeadersTimeout);
        Assert.Equal(1000, config.Limits.MinRequestBodyBytesPerSecond);
    }

    [Fact]
    public void Load_SeveralMistakes_ListsEveryErrorWithItsPath()
    {
        var path = Write("""
            identity:
              oidc:
                - issuer: https://idp.example.com
            connections:
              - name: good
                upstream: https://example.com
              - name: bad
                upstream: htp://x
                kynd: openai
            """);

        var result = GatehouseConfigLoader.Load(path, Env());

        Assert.False(result.Success);
        var paths = result.Errors.Select(e => e.Path).ToList();
        Assert.Contains("identity.oidc[0].audiences", paths);
        Assert.Contains("connections[1].upstream", paths);
        Assert.Contains("connections[1].kynd", paths);
        Assert.Equal(3, result.Errors.Count);
        var text = result.FormatErrors();
        Assert.StartsWith("gatehouse: configuration has 3 errors", text, StringComparison.Ordinal);
        Assert.Contains("connections[1].upstream: 'htp://x' is not an absolute http(s) URL", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvironmentVariables_OverrideTheFile()
    {
        var path = Write("""
            storage:
              sqlite: ./from-file.db
            connections:
              - name: a
                upstream: https://a.example.com
            """);

        var result = GatehouseConfigLoader.Load(path, Env(
            ("GATEHOUSE__STORAGE__SQLITE", "/var/lib/gatehouse/audit.db"),
            ("GATEHOUSE__CONNECTIONS__0__UPSTREAM", "https://b.example.com")));

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal("/var/lib/gatehouse/audit.db", result.Config!.Storage.Sqlite);
        Assert.Equal(new Uri("https://b.example.com"), result.Config.Connections[0].Upstream);
    }

    [Fact]
    public void Load_CredentialEnvMissing_NamesTheVariableNotAValue()
    {
        var path = Write("""
            connections:
              - name: a
                upstream: https://a.example.com
                credential: { header: x-api-key, env: NOT_SET_ANYWHERE }
            """);

        var result = GatehouseConfigLoader.Load(path, Env());

        var error = Assert.Single(result.Errors);
        Assert.Equal("connections[0].credential.env", error.Path);
        Assert.Contains("NOT_SET_ANYWHERE is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CredentialInline_IsRefused()
    {
        var path = Write("""
            connections:
              - name: a
                upstream: https://a.example.com
                credential: { header: x-api-key, value: sk-inline, env: K }
            """);

        var result = GatehouseConfigLoader.Load(path, Env(("K", "v")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("connections[0].credential.value", error.Path);
        Assert.DoesNotContain("sk-inline", result.FormatErrors(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CredentialFile_IsReadAndTrimmed()
    {
        var secret = Path.Combine(_dir, "secret.txt");
        File.WriteAllText(secret, "file-secret\n");
        var path = Write($"""
            connections:
              - name: a
                upstream: https://a.example.com
                credential: {"{"} header: x-api-key, file: {secret} {"}"}
            """);

        var result = GatehouseConfigLoader.Load(path, Env());

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal("file-secret", result.Config!.Connections[0].Credential!.Value);
        Assert.DoesNotContain("file-secret", result.Config.Connections[0].Credential!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("connections:\n  - name: a\n    upstream: https://x\n  - name: A\n    upstream: https://y\n", "connections[1].name")]
    [InlineData("connections:\n  - name: healthz\n    upstream: https://x\n", "connections[0].name")]
    [InlineData("connections:\n  - name: a/b\n    upstream: https://x\n", "connections[0].name")]
    [InlineData("connections:\n  - name: a\n    kind: gemini\n    upstream: https://x\n", "connections[0].kind")]
    [InlineData("identity:\n  oidc:\n    - issuer: http://idp\n      audiences: [a]\n", "identity.oidc[0].issuer")]
    [InlineData("identity:\n  oidc:\n    - issuer: https://idp\n      audiences: [a]\n      algorithms: [RS256, HS256]\n", "identity.oidc[0].algorithms")]
    [InlineData("identity:\n  oidc:\n    - issuer: https://idp\n      audiences: [a]\n      clockSkew: 1y\n", "identity.oidc[0].clockSkew")]
    [InlineData("audit:\n  failureMode: sometimes\n", "audit.failureMode")]
    [InlineData("limits:\n  maxRequestBodyBytes: lots\n", "limits.maxRequestBodyBytes")]
    [InlineData("limits:\n  requestHeadersTimeout: 0s\n", "limits.requestHeadersTimeout")]
    [InlineData("limits:\n  minRequestBodyBytesPerSecond: 0\n", "limits.minRequestBodyBytesPerSecond")]
    [InlineData("server:\n  urls: [ftp://x]\n", "server.urls[0]")]
    [InlineData("identity:\n  oidc:\n    - issuer: https://idp\n      audiences: [a]\n      trustEmail: sometimes\n", "identity.oidc[0].trustEmail")]
    [InlineData("identity:\n  oidc:\n    - issuer: https://idp/#x\n      audiences: [a]\n", "identity.oidc[0].issuer")]
    public void Load_InvalidValue_ReportsItsPath(string yaml, string expectedPath)
    {
        var result = GatehouseConfigLoader.Load(Write(yaml), Env());

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Path == expectedPath);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("      trustEmail: true\n", true)]
    public void Load_TrustEmail_DefaultsToFalse(string line, bool expected)
    {
        var yaml = "identity:\n  oidc:\n    - issuer: https://idp.example.com\n      audiences: [a]\n" + line;

        var result = GatehouseConfigLoader.Load(Write(yaml), Env());

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(expected, result.Config!.Identity.Oidc[0].TrustEmail);
    }

    [Fact]
    public void Load_HttpIssuerExplicitlyAllowed_IsAccepted()
    {
        var yaml = "identity:\n  oidc:\n    - issuer: http://127.0.0.1:5000\n      audiences: [a]\n      allowHttp: true\n";

        var result = GatehouseConfigLoader.Load(Write(yaml), Env());

        Assert.True(result.Success, result.FormatErrors());
    }

    [Fact]
    public void Load_MaskingSection_BuildsEngineOptionsAndConnectionModes()
    {
        var path = Write("""
            masking:
              redaction: pseudonym
              redactionByRule: { email: last4 }
              fingerprintKey: { env: TEST_MASKING_KEY }
              internalHosts: ["*.corp.example.com"]
              pii: { ipAddresses: true, phone: false }
              customRules:
                - id: acme-token
                  pattern: 'acme_[a-z0-9]{32}'
                  keywords: [acme_]
            connections:
              - name: a
                upstream: https://a.example.com
                masking: { request: block, response: off }
            """);

        var result = GatehouseConfigLoader.Load(path, Env(("TEST_MASKING_KEY", "0123456789abcdef-key")));

        Assert.True(result.Success, result.FormatErrors());
        var engine = result.Config!.Masking.Engine;
        Assert.Equal(Gatehouse.Masking.Redaction.RedactionStyle.Pseudonym, engine.DefaultRedaction);
        Assert.Equal(Gatehouse.Masking.Redaction.RedactionStyle.KeepLast4, engine.RedactionByRule["email"]);
        Assert.Equal(20, engine.FingerprintKey.Length);
        Assert.Equal(["*.corp.example.com"], engine.InternalHostPatterns);
        Assert.True(engine.Pii.IpAddresses);
        Assert.False(engine.Pii.Phone);
        Assert.Equal("acme-token", Assert.Single(engine.CustomRules).Id);
        Assert.Equal("env:TEST_MASKING_KEY", result.Config.Masking.FingerprintKeySource);
        Assert.Equal(MaskingMode.Block, result.Config.Connections[0].Masking.Request);
        Assert.Equal(MaskingMode.Off, result.Config.Connections[0].Masking.Response);
    }

    [Fact]
    public void Load_ScanCache_SetsTheEnginesBudgetAndThreshold_AndDefaultsWhenAbsent()
    {
        var set = GatehouseConfigLoader.Load(Write("masking:\n  scanCache: { maxBytes: 0, minChars: 1024 }\n"), Env());
        var unset = GatehouseConfigLoader.Load(Write("masking:\n  redaction: marker\n"), Env());

        Assert.True(set.Success, set.FormatErrors());
        Assert.Equal(0, set.Config!.Masking.Engine.ScanCache.MaxBytes);
        Assert.Equal(1024, set.Config.Masking.Engine.ScanCache.MinChars);
        Assert.True(unset.Success, unset.FormatErrors());
        Assert.Equal(Gatehouse.Masking.ScanCacheOptions.DefaultMaxBytes, unset.Config!.Masking.Engine.ScanCache.MaxBytes);
    }

    [Fact]
    public void Load_UnmaskedPlaceholders_ListsTheRules_AndNamesThoseThatRecognisePlaceholdersWhenOneDoesNot()
    {
        var set = GatehouseConfigLoader.Load(Write("masking:\n  unmaskedPlaceholders: [aws-access-key-id, url-credentials]\n"), Env());
        var unset = GatehouseConfigLoader.Load(Write("masking:\n  redaction: marker\n"), Env());
        var wrong = GatehouseConfigLoader.Load(Write("masking:\n  unmaskedPlaceholders: [github-pat]\n"), Env());

        Assert.True(set.Success, set.FormatErrors());
        Assert.Equal(["aws-access-key-id", "url-credentials"], set.Config!.Masking.Engine.UnmaskedPlaceholderRules);
        Assert.Empty(unset.Config!.Masking.Engine.UnmaskedPlaceholderRules);
        var error = Assert.Single(wrong.Errors);
        Assert.Equal("masking.unmaskedPlaceholders", error.Path);
        Assert.Contains("rule 'github-pat' recognises no placeholders; rules that do: aws-access-key-id, ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("masking:\n  scanCache: { maxBytes: -1 }\n", "masking.scanCache.maxBytes")]
    [InlineData("masking:\n  scanCache: { size: 10 }\n", "masking.scanCache.size")]
    [InlineData("masking:\n  redaction: blur\n", "masking.redaction")]
    [InlineData("masking:\n  fingerprintKey: { env: SHORT_KEY }\n", "masking.fingerprintKey")]
    [InlineData("masking:\n  disabledRules: [no-such-rule]\n", "masking.disabledRules")]
    [InlineData("masking:\n  unmaskedPlaceholders: [github-pat]\n", "masking.unmaskedPlaceholders")]
    [InlineData("masking:\n  customRules:\n    - id: x\n      pattern: '(['\n", "masking.customRules[0].pattern")]
    [InlineData("connections:\n  - name: a\n    upstream: https://x\n    masking: { request: maybe }\n", "connections[0].masking.request")]
    public void Load_InvalidMasking_ReportsItsPath(string yaml, string expectedPath)
    {
        var result = GatehouseConfigLoader.Load(Write(yaml), Env(("SHORT_KEY", "short")));

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Path.StartsWith(expectedPath, StringComparison.Ordinal));
        Assert.DoesNotContain("short", result.FormatErrors().Replace("shorter", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CheckpointKeyOthersMayRead_IsAnErrorNamingTheFix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var key = Path.Combine(_dir, "loose.pem");
        File.WriteAllText(key, "-----BEGIN PRIVATE KEY-----\nsecret\n");
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var loaded = GatehouseConfigLoader.Load(Write($"audit:\n  checkpoints: {{ key: {key} }}\n"), Env());

        var error = Assert.Single(loaded.Errors);
        Assert.Equal("audit.checkpoints.key", error.Path);
        Assert.Contains($"chmod 600 {key}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", loaded.FormatErrors(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Checkpoints_NeedAnExistingKeyFile()
    {
        var key = Path.Combine(_dir, "audit.pem");
        File.WriteAllText(key, "not checked here");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var ok = GatehouseConfigLoader.Load(Write($"audit:\n  checkpoints: {{ key: {key}, interval: 30s, entries: 500 }}\n"), Env());
        var missing = GatehouseConfigLoader.Load(Write("audit:\n  checkpoints: { key: /nope/audit.pem }\n"), Env());

        Assert.True(ok.Success, ok.FormatErrors());
        Assert.Equal(TimeSpan.FromSeconds(30), ok.Config!.Audit.Checkpoints!.Interval);
        Assert.Equal(500, ok.Config.Audit.Checkpoints.Entries);
        Assert.Equal("audit.checkpoints.key", Assert.Single(missing.Errors).Path);
        Assert.Contains("gatehouse audit keygen", missing.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenYaml_ReportsTheLine()
    {
        var result = GatehouseConfigLoader.Load(Write("connections:\n  - name: a\n   upstream: [\n"), Env());

        var error = Assert.Single(result.Errors);
        Assert.Contains("line", error.Origin, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var result = GatehouseConfigLoader.Load(Path.Combine(_dir, "nope.yaml"), Env());

        Assert.Contains("cannot read the configuration file", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Hashtable Env(params (string Key, string Value)[] pairs)
    {
        var env = new Hashtable();
        foreach (var (key, value) in pairs)
        {
            env[key] = value;
        }

        return env;
    }
}
