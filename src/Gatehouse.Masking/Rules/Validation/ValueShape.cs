namespace Gatehouse.Masking.Rules.Validation;

/// <summary>
/// Tells a literal that could be a credential from code that merely names one, by the lexical shape of what follows
/// the assignment: quotes, dots, slashes, parentheses and letter case, never a list of known identifiers.
/// </summary>
/// <remarks>
/// What is not a credential: a member-access chain (<c>sdk_1.CLIENT_TOOL_KEYS</c>) or a call or index (<c>os.getcwd()</c>, <c>keys[i]</c>), a
/// path (<c>/v1/oauth/token</c>), a URL (credentials in URLs are <c>url-credentials</c>' job), an enum-like constant or
/// snake/kebab-case name (<c>ACCESS_TOKEN_V2</c>, <c>api-key-header</c>), a format placeholder (<c>%s</c>), a PEM armor line (<c>-----BEGIN ...</c>: a key is the key-block rules' job), a URN
/// (<c>urn:ietf:params:oauth:token-type:jwt</c>), a section reference (<c>rfc8693#section-2.1</c>),
/// and, when
/// the value is not quoted, an expression: an identifier followed by <c>;</c>, <c>,</c> or <c>)</c>, or anything
/// followed by <c>(</c>, <c>[</c>, <c>&lt;</c> or <c>{</c>, an identifier followed by a binary operator
/// (<c>x &amp;&amp; y</c>), a parenthesised expression, an operator (<c>===</c>), a hexadecimal number, or a lower-case word followed by a
/// named call or declaration (<c>= function name() {</c>). A quoted literal or an unquoted config value (<c>.env</c>,
/// YAML, properties) that is none of these is left to the rule's entropy and placeholder gates.
/// </remarks>
internal static class ValueShape
{
    private const string Quotes = "\"'`";

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly System.Buffers.SearchValues<char> WordCharsUnderscore =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static readonly System.Buffers.SearchValues<char> LowerDocumentChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789._/-");

    private static readonly System.Buffers.SearchValues<char> LowerAnchorChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-");

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$");

    private static readonly System.Buffers.SearchValues<char> WordCharsDash =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>For assignments in code and config (<c>generic-secret</c>).</summary>
    public static bool CouldBeCredential(ReadOnlySpan<char> before, ReadOnlySpan<char> value, ReadOnlySpan<char> after) =>
        CouldBe(before, value, after, semicolonEndsExpression: true);

    /// <summary>
    /// For <c>Password=...;</c>: there a semicolon ends the value, so an identifier before one is code only when the
    /// operator is spaced as code spaces it (<c>password = userPassword;</c>).
    /// </summary>
    /// <remarks>The rule's quoted form (<c>Password='...'</c>) includes its quotes: the shape is that of what is inside.</remarks>
    public static bool CouldBeConnectionPassword(ReadOnlySpan<char> before, ReadOnlySpan<char> value, ReadOnlySpan<char> after) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\''
            ? !IsCodeOrName(value[1..^1])
            : CouldBe(before, value, after, semicolonEndsExpression: !before.IsEmpty && before[^1] is ' ' or '\t');

    private static bool CouldBe(ReadOnlySpan<char> before, ReadOnlySpan<char> value, ReadOnlySpan<char> after, bool semicolonEndsExpression)
    {
        if (IsCodeOrName(value))
        {
            return false;
        }

        var quoted = !before.IsEmpty && Quotes.Contains(before[^1]);
        if (quoted)
        {
            return true;
        }

        var next = after.TrimStart(" \t");
        if (!next.IsEmpty && next[0] is '(' or '[' or '<' or '{')
        {
            return false;
        }

        var hexNumber = value.StartsWith("0x", StringComparison.Ordinal) && !value[2..].ContainsAnyExcept(HexDigits);
        if (value.IsEmpty || value[0] is '(' or '=' || hexNumber)
        {
            // A parenthesised expression, an operator (`===`), a hexadecimal number literal.
            return false;
        }

        if (IsIdentifier(value) && !after.IsEmpty && after[0] is ' ' or '\t' && IsBinaryOperator(next))
        {
            // `authPassword = authIsObject && ...`: an identifier followed by a binary operator.
            return false;
        }

        if (IsKeywordShaped(value) && !after.IsEmpty && after[0] is ' ' or '\t' && StartsWithCall(next))
        {
            // `x.needsPassword = function needsPassword() {`, `password = await fetchPassword(...)`: a lower-case word
            // followed by a named call or declaration is a keyword of the language, not a value.
            return false;
        }

        return !(IsIdentifier(value) && !after.IsEmpty && (after[0] is ',' or ')' || (after[0] == ';' && semicolonEndsExpression)));
    }

    /// <summary>Whether the value is, by its shape alone, code or a name rather than a secret.</summary>
    public static bool IsCodeOrName(ReadOnlySpan<char> value) =>
        IsMemberAccess(value) || IsCall(value) || IsPath(value) || value.Contains("://", StringComparison.Ordinal) ||
        value.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) ||
        IsWordConstant(value) || value.Contains("%s", StringComparison.Ordinal) || value.Contains("%d", StringComparison.Ordinal) ||
        value.StartsWith("-----", StringComparison.Ordinal) || IsSectionReference(value);

    /// <summary>
    /// <c>rfc8693#section-2.1</c>, <c>readme.md#step-3</c>: a lower-case document name, one <c>#</c>, and an anchor
    /// written as a lower-case word of three or more letters, a hyphen and a numbered or worded part containing a
    /// digit, as documents number their sections.
    /// </summary>
    public static bool IsSectionReference(ReadOnlySpan<char> value)
    {
        var hash = value.IndexOf('#');
        if (hash <= 0 || value[(hash + 1)..].Contains('#') || !char.IsAsciiLetterLower(value[0]) ||
            value[..hash].ContainsAnyExcept(LowerDocumentChars))
        {
            return false;
        }

        var anchor = value[(hash + 1)..];
        var dash = anchor.IndexOf('-');
        return dash >= 3 && !anchor[..dash].ContainsAnyExceptInRange('a', 'z') &&
            anchor.Length > dash + 1 && !anchor[(dash + 1)..].ContainsAnyExcept(LowerAnchorChars) &&
            anchor[(dash + 1)..].IndexOfAnyInRange('0', '9') >= 0;
    }

    /// <summary>A lower-case word of letters only, as a language's keywords (<c>function</c>, <c>await</c>, <c>new</c>) are.</summary>
    private static bool IsKeywordShaped(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.ContainsAnyExceptInRange('a', 'z');

    /// <summary>An identifier followed by an argument list or a body: <c>name(</c>, <c>name (</c>, <c>Name&lt;T&gt;(</c>, <c>Name {</c>.</summary>
    private static bool StartsWithCall(ReadOnlySpan<char> next)
    {
        var end = next.IndexOfAnyExcept(IdentifierChars);
        if (end <= 0 || !IsIdentifier(next[..end]))
        {
            return false;
        }

        var rest = next[end..].TrimStart(" \t");
        return !rest.IsEmpty && rest[0] is '(' or '<' or '{';
    }

    private static bool IsBinaryOperator(ReadOnlySpan<char> next) =>
        next.Length >= 2 && next[0] is '&' or '|' or '?' or '+' or '*' or '/' or '%' or '<' or '>' or '=' or '!' or '-' &&
        next[1] is ' ' or '&' or '|' or '?' or '=' or '.';

    /// <summary><c>a.b</c>, <c>sdk_1.CLIENT_TOOL_KEYS</c>, <c>this.options?.token</c>: two or more identifiers.</summary>
    public static bool IsMemberAccess(ReadOnlySpan<char> value)
    {
        var segments = 0;
        while (!value.IsEmpty)
        {
            var dot = value.IndexOf('.');
            var segment = dot < 0 ? value : value[..dot];
            if (segment.EndsWith('?'))
            {
                segment = segment[..^1];
            }

            if (!IsIdentifier(segment))
            {
                return false;
            }

            segments++;
            if (dot < 0)
            {
                break;
            }

            value = value[(dot + 1)..];
            if (value.IsEmpty)
            {
                return false;
            }
        }

        return segments >= 2;
    }

    /// <summary><c>name(...</c>, <c>a.b(...</c>, <c>keys[i]</c>: an identifier or member access followed by an argument
    /// list or an index.</summary>
    public static bool IsCall(ReadOnlySpan<char> value)
    {
        var paren = value.IndexOfAny('(', '[');
        return paren > 0 && (IsIdentifier(value[..paren]) || IsMemberAccess(value[..paren]));
    }

    /// <summary>An absolute or relative path whose segments are words (<c>/v1/oauth/token</c>, <c>./keys/id.pub</c>).</summary>
    public static bool IsPath(ReadOnlySpan<char> value)
    {
        if (!(value.StartsWith('/') || value.StartsWith("./") || value.StartsWith("../") || value.StartsWith("~/")) ||
            value.ContainsAny('+', '='))
        {
            return false;
        }

        foreach (var range in value.Split('/'))
        {
            if (!IsWordSegment(value[range]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>CLIENT_TOOL_KEYS</c>, <c>access_token_v2</c>, <c>api-key-header</c>: single-case words joined by one kind of
    /// separator, as enum-like constants, keys and header names are written.
    /// </summary>
    public static bool IsWordConstant(ReadOnlySpan<char> value)
    {
        var separator = value.IndexOfAny('_', '-') is var at and >= 0 ? value[at] : '\0';
        if (separator == '\0' || value.ContainsAnyExcept(separator == '_' ? WordCharsUnderscore : WordCharsDash))
        {
            return false;
        }

        var upper = value.IndexOfAnyInRange('A', 'Z') >= 0;
        var lower = value.IndexOfAnyInRange('a', 'z') >= 0;
        if (upper == lower)
        {
            return false;
        }

        var words = 0;
        foreach (var range in value.Split(separator))
        {
            var part = value[range];
            if (part.IsEmpty)
            {
                return false;
            }

            words += part.Length - CountDigits(part) >= 2 ? 1 : 0;
        }

        return words > 0;
    }

    public static bool IsIdentifier(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || !(char.IsAsciiLetter(value[0]) || value[0] is '_' or '$'))
        {
            return false;
        }

        foreach (var c in value[1..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
            {
                return false;
            }
        }

        return true;
    }

    private static int CountDigits(ReadOnlySpan<char> part)
    {
        var n = 0;
        foreach (var c in part)
        {
            n += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return n;
    }

    /// <summary>A path segment written as a word: lower-case (with digits and <c>._-:@</c>), or camel/Pascal case with
    /// few capitals and digits, unlike the mixed-case base64 of a key.</summary>
    private static bool IsWordSegment(ReadOnlySpan<char> segment)
    {
        var upper = 0;
        var digits = 0;
        foreach (var c in segment)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!char.IsAsciiLetterLower(c) && c is not ('.' or '_' or '-' or ':' or '@' or '$'))
            {
                return false;
            }
        }

        return upper == 0 || (upper * 3 <= segment.Length && digits <= 3);
    }
}
