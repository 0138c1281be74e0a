using Gatehouse.Masking.Rules.Validation;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Format-independent secrets: private keys, JWTs, credentials in URLs and connection strings, assignments.</summary>
internal static class GenericSecretRules
{
    private const string Base64UrlAndDot = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private const string Body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + "EXAMPLEEXAMPLEEXAMPLE";

    public static IEnumerable<MaskingRule> All() =>
    [
        Block("private-key", "PEM private key (PKCS#8)", "PRIVATE KEY"),
        Block("rsa-private-key", "PEM RSA private key (PKCS#1)", "RSA PRIVATE KEY"),
        Block("ec-private-key", "PEM EC private key", "EC PRIVATE KEY"),
        Block("dsa-private-key", "PEM DSA private key", "DSA PRIVATE KEY"),
        Block("encrypted-private-key", "PEM encrypted private key", "ENCRYPTED PRIVATE KEY"),
        Block("openssh-private-key", "OpenSSH private key", "OPENSSH PRIVATE KEY"),
        Block("pgp-private-key", "PGP private key block", "PGP PRIVATE KEY BLOCK"),
        new MaskingRule
        {
            Id = "jwt", Category = RuleCategory.Secret, Description = "JSON Web Token (signed)",
            Keywords = ["eyJ"],
            Pattern = @"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?(?![A-Za-z0-9_-])",
            After = 480, ExtendOver = Base64UrlAndDot,
            Example = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0." + Fake.UrlSafe(43),
        },
        new MaskingRule
        {
            Id = "url-credentials", Category = RuleCategory.Secret, Description = "Password in a URL (scheme://user:password@host)",
            Keywords = ["://"],
            Pattern = @"(?<=[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\s:/@""'\\]{1,64}:)[^\s/@""'\\]{1,128}(?=@[A-Za-z0-9\[])",
            Before = 0, After = 200, StartsAfterOperator = true, OperatorWithin = 64,
            Example = "postgres://app:Zq8vRk2Lm9Tx4Wp7@db.example.com:5432/app",
        },
        new MaskingRule
        {
            Id = "connection-string-password", Category = RuleCategory.Secret,
            Description = "Password in a connection string (Password=...; Pwd=...;)",
            Keywords = ["password", "pwd"],
            Pattern = @"(?<=(?i:password|pwd)\s{0,4}=\s{0,4})(?:'[^'\r\n]{6,128}'|[^;\s""'`\\]{6,128})",
            StopsAtWhitespace = false, After = 150, UseStopWords = true, StartsAfterOperator = true, OperatorWithin = 4,
            Validator = value => !value.StartsWith("$") && !value.StartsWith("%"),
            InContext = ValueShape.CouldBeConnectionPassword,
            Example = "Server=db;Database=app;User Id=app;Password=Zq8vRk2Lm9Tx4Wp7;",
        },
        new MaskingRule
        {
            Id = "generic-secret", Category = RuleCategory.Secret,
            Description = "Value assigned to password, secret, token or api key (entropy-gated, placeholders ignored)",
            Keywords = ["password", "passwd", "secret", "token", "api_key", "apikey", "api-key", "access_key", "auth_key", "credential"],
            Pattern = @"(?<=(?i:password|passwd|secret|token|api_key|apikey|api-key|access_key|auth_key|credential)[\w.-]{0,24}(?:\\?[""'`])?\s{0,4}(?:=>|:=|[:=])\s{0,4}(?:\\?[""'`])?)[A-Za-z0-9!#$%&*+./:<=>?@^_|~-]{8,100}(?![A-Za-z0-9!#$%&*+./:<=>?@^_|~-])",
            StopsAtWhitespace = false, After = 140, EntropyFloor = 3.2, UseStopWords = true, StartsAfterOperator = true,
            OperatorWithin = RuleFactory.GapOperatorWithin,
            Validator = LooksLikeSecret,
            InContext = ValueShape.CouldBeCredential,
            Example = "db_password = \"Zq8vRk2Lm9Tx4Wp7\"",
        },
    ];

    private static bool LooksLikeSecret(ReadOnlySpan<char> value) =>
        value.IndexOfAnyInRange('0', '9') >= 0 && (value.IndexOfAnyInRange('a', 'z') >= 0 || value.IndexOfAnyInRange('A', 'Z') >= 0);

    private static MaskingRule Block(string id, string description, string label) =>
        new()
        {
            Id = id, Category = RuleCategory.Secret, Description = description + " (the whole block, multi-line; only when a base64 body follows the BEGIN line)",
            Keywords = ["-----BEGIN " + label + "-----"],
            Pattern = "^-----BEGIN " + label + "-----",
            Anchor = RuleAnchor.Block,
            After = label.Length + 16 + Detection.PrivateKeyBlocks.BodyLookahead,
            Example = "-----BEGIN " + label + "-----\n" + Body + "\n" + Body + "\n-----END " + label + "-----",
        };
}
