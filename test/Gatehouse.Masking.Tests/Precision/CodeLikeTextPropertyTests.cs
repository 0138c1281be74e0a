using CsCheck;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Precision;

/// <summary>
/// Random code-like text built from names that mention keys, tokens, secrets and passwords, member access, calls,
/// paths, enum-like constants and PEM header literals, but no credential-shaped literal: masking leaves it unchanged.
/// </summary>
public sealed class CodeLikeTextPropertyTests
{
    private static readonly MaskingEngine Engine = TestEngines.Everything;

    private static readonly Gen<string> Name = Gen.OneOf(
        "apiKey", "apiKeys", "api_key", "APIKeys", "token", "accessToken", "refresh_token", "TOKEN_ENDPOINT", "secret",
        "clientSecret", "SECRET_NAME", "password", "pwd", "passwd", "credential", "credentials", "authKey", "access_key");

    private static readonly Gen<string> Module = Gen.OneOf("sdk_1", "auth_1", "api_keys_1", "options", "this.config", "os", "target", "self");

    private static readonly Gen<string> Member = Gen.Select(Module, Name, Gen.Int[0, 9], (m, n, d) => m + "." + n + (d > 6 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));

    private static readonly Gen<string> Literal = Gen.OneOf(
        Gen.Const("'/v1/oauth/token'"), Gen.Const("\"/api/v2/apiKeys\""), Gen.Const("'ACCESS_TOKEN_V2'"),
        Gen.Const("\"x-api-key-v2\""), Gen.Const("''"), Gen.Const("\"%s-token\""), Gen.Const("\"https://auth.example.com/oauth2/token\""),
        Gen.Const("\"-----BEGIN PRIVATE KEY-----\""), Gen.Const("'-----BEGIN RSA PRIVATE KEY-----'"),
        Gen.Const("`-----BEGIN OPENSSH PRIVATE KEY-----\\n${body}`"), Gen.Const("\"${DB_PASSWORD}\""), Gen.Const("'./keys/id_ed25519.pub'"));

    private static readonly Gen<string> Expression = Gen.OneOf(
        Member, Literal,
        Gen.Select(Member, Name, (m, n) => m + "(" + n + ")"),
        Gen.Select(Member, Literal, (m, l) => m + ".indexOf(" + l + ") !== 0"),
        Gen.Select(Name, Member, (n, m) => n + "[" + m + "]"));

    private static readonly Gen<string> Statement = Gen.OneOf(
        Gen.Select(Name, Expression, (n, e) => "const " + n + " = " + e + ";"),
        Gen.Select(Member, Expression, (m, e) => m + " = " + e + ";"),
        Gen.Select(Name, Member, (n, m) => n + " := " + m + "(ctx)"),
        Gen.Select(Name, Literal, (n, l) => n + ": " + l),
        Gen.Select(Name, Name, (n, t) => "  " + n + ": " + char.ToUpperInvariant(t[0]) + t[1..] + "2;"),
        Gen.Select(Expression, e => "if (" + e + ") throw new Error(\"bad key\");"),
        Gen.Select(Member, Member, Member, (a, b, c) => a + " = " + b + " = " + c + " = '';"));

    private static readonly Gen<string> Code =
        Gen.Select(Statement.Array[1, 12], Gen.OneOf("\n", "\r\n", "\n  ", " "), (lines, separator) => string.Join(separator, lines));

    [Fact]
    public void Mask_CodeLikeTextWithoutACredentialShapedLiteral_IsUnchanged() =>
        Code.ForAll(text =>
        {
            var result = Engine.Mask(text);
            Assert.False(result.IsChanged, string.Join(", ", result.Findings.Select(f => f.RuleId + "@" + f.Offset)));
        }, iter: 2000);

    [Fact]
    public void Stream_CodeLikeTextWithoutACredentialShapedLiteral_IsUnchangedWhateverTheChunking() =>
        Gen.Select(Code, Gen.Int[1, 40], (code, size) => (code, size)).ForAll(sample =>
        {
            using var redactor = Engine.CreateStreamingRedactor();
            var output = string.Concat(sample.code.Chunk(sample.size).Select(c => redactor.Push(new string(c)))) + redactor.Flush();
            Assert.Equal(sample.code, output);
        }, iter: 500);
}
