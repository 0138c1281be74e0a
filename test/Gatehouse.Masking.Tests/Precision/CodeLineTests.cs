namespace Gatehouse.Masking.Tests.Precision;

/// <summary>
/// Code that names keys, tokens and passwords passes unchanged; the same languages holding a real-shaped secret are
/// still masked. The first lines are the ones found in real third-party code (issue 19).
/// </summary>
public sealed class CodeLineTests
{
    private static readonly MaskingEngine Engine = TestEngines.Everything;

    public static TheoryData<string> CodeLines() =>
    [
        // Found in real JavaScript/TypeScript packages.
        "const apiKeys = sdk_1.CLIENT_TOOL_KEYS;",
        "Organization.APIKeys = api_keys_1.APIKeys;",
        "export const TOKEN_ENDPOINT = '/v1/oauth/token';",
        "const TokenResponseSchema = auth_1.OAuthTokensSchema.omit({ refresh_token: true });",
        "target.username = target.password = target.search = '';",
        "if (pkcs8.indexOf(\"-----BEGIN PRIVATE KEY-----\") !== 0) throw new Error('not a PKCS#8 key');",
        "const authPassword = authIsObject && utils.hasOwnProp(proxyAuth, 'password') ? proxyAuth.password : undefined;",
        "exports.LONG_PASSWORD = 0x00000001; /* new more secure passwords */",
        "this.config.password = (typeof cfg.password === 'string'",
        "// Password ====================================================================",
        "subject_token_type: 'urn:k8s:params:oauth:token-type:serviceaccount',",
        " * requested_token_type: rfc8693#section-2.1",
        "Connection.prototype.authMechanismDoesNotRequirePassword = function authMechanismDoesNotRequirePassword() {",

        // C#
        "options.ApiKey = configuration[\"Gatehouse:ApiKey\"];",
        "var tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token2));",
        "private const string TokenHeader = \"X-Api-Token\";",
        "this.password = options.Password2;",
        "const string PemHeader = \"-----BEGIN RSA PRIVATE KEY-----\";",
        "string connection = $\"Host={host};Password={password};\";",

        // TypeScript
        "export const API_KEY_HEADER = \"x-api-key-v2\";",
        "this.apiKey = options.apiKey ?? process.env.OPENAI_API_KEY;",
        "const accessToken2 = await client.getAccessToken(scopes);",
        "const pem = `-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----`;",
        "let secretValue1 = secrets[index];",
        "const token = createToken<TokenClaims2>(claims);",

        // Python
        "api_key = os.environ.get(\"OPENAI_API_KEY\")",
        "password_hash = hashlib.sha256(password.encode()).hexdigest()",
        "TOKEN_TYPE = \"ACCESS_TOKEN_V2\"",
        "pwd = os.getcwd()",
        "if line.startswith('-----BEGIN OPENSSH PRIVATE KEY-----'):\n    return parse_openssh(lines[1:])",

        // Go
        "apiKey := os.Getenv(\"API_KEY\")",
        "secretName := fmt.Sprintf(\"%s-token\", name)",
        "token2, err := oauth2Config.Exchange(ctx, code)",
        "const pemType = \"-----BEGIN EC PRIVATE KEY-----\"\nif block == nil { return nil, errors.New(\"no key\") }",

        // YAML
        "token_endpoint: /v1/oauth/token",
        "apiKeySecretRef: gatehouse-api-key-v2",
        "secretName: OPENAI_API_KEY_2",
        "password: ${DB_PASSWORD}",

        // .env
        "TOKEN_URL=https://auth.example.com/oauth2/token",
        "API_KEY_FILE=/run/secrets/api_key",
        "SECRET_NAME=prod_api_name_v2",
    ];

    public static TheoryData<string, string> SecretLines() =>
    [
        ("private const string ApiKey = \"Zq8vRk2Lm9Tx4Wp7Yb3N\";", "Zq8vRk2Lm9Tx4Wp7Yb3N"),
        ("var cs = \"Host=db;Username=app;Password=Zq8vRk2Lm9Tx4Wp7;\";", "Zq8vRk2Lm9Tx4Wp7"),
        ("const apiKey = 'Zq8vRk2Lm9Tx4Wp7Yb3N';", "Zq8vRk2Lm9Tx4Wp7Yb3N"),
        ("const token = `Zq8vRk2Lm9Tx4Wp7Yb3N`;", "Zq8vRk2Lm9Tx4Wp7Yb3N"),
        ("db_password = 'Zq8vRk2Lm9Tx4Wp7'", "Zq8vRk2Lm9Tx4Wp7"),
        ("const apiToken = \"Zq8vRk2Lm9Tx4Wp7Yb3N\"", "Zq8vRk2Lm9Tx4Wp7Yb3N"),
        ("password: Zq8vRk2Lm9Tx4Wp7", "Zq8vRk2Lm9Tx4Wp7"),
        ("client_secret: \"Zq8vRk2Lm9Tx4Wp7Yb3N\"", "Zq8vRk2Lm9Tx4Wp7Yb3N"),
        ("API_KEY=Zq8vRk2Lm9Tx4Wp7Yb3N", "Zq8vRk2Lm9Tx4Wp7Yb3N"),
        ("AWS_SECRET_ACCESS_KEY=Xk9fR2bLq7Wz/P4mN8vT+c3Hy6JdS1aE5gU0iOoK", "Xk9fR2bLq7Wz/P4mN8vT+c3Hy6JdS1aE5gU0iOoK"),
        ("Server=db;Database=app;User Id=app;Password=Zq8vRk2Lm9Tx4Wp7;", "Zq8vRk2Lm9Tx4Wp7"),
        ("{\"client_secret\": \"Zq8vRk2Lm9Tx4Wp7Yb3N\"}", "Zq8vRk2Lm9Tx4Wp7Yb3N"),
        ("ACCESS_TOKEN=/Zq8vRk2Lm9Tx4Wp7Yb3N+x", "Zq8vRk2Lm9Tx4Wp7Yb3N"),
        ("client_secret: zq8vrk2#Lm9Tx4Wp7Yb3N", "Lm9Tx4Wp7Yb3N"),
        ("db_password = zq8v#rk2lm9tx4wp7", "rk2lm9tx4wp7"),
        ("Password=Zq8vRk2Lm9Tx4Wp7 authenticate()", "Zq8vRk2Lm9Tx4Wp7"),
        ("const key = \"-----BEGIN PRIVATE KEY-----\\n\" +\n  \"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n\" +\n  \"-----END PRIVATE KEY-----\";",
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
    ];

    [Theory]
    [MemberData(nameof(CodeLines))]
    public void CodeThatNamesSecrets_PassesUnchanged(string line)
    {
        Assert.Empty(Engine.Scan(line));
        Assert.False(Engine.Mask(line).IsChanged);
    }

    [Theory]
    [MemberData(nameof(SecretLines))]
    public void RealShapedSecretInCode_IsStillMasked(string line, string secret)
    {
        var result = Engine.Mask(line);

        Assert.Contains(result.Findings, f => f.Category == RuleCategory.Secret);
        Assert.DoesNotContain(secret, result.TextOr(line), StringComparison.Ordinal);
    }
}
