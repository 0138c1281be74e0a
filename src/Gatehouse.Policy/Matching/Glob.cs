namespace Gatehouse.Policy.Matching;

/// <summary>A glob compiled once at load: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c> one character.</summary>
/// <remarks>
/// Matching ignores case: on case-insensitive file systems <c>SRC/Auth/x</c> is the same file as <c>src/auth/x</c>,
/// and a rule must not be dodged by spelling. Patterns without wildcards compare as plain strings.
/// </remarks>
internal sealed class Glob
{
    private readonly GlobToken[] _tokens;
    private readonly string? _literal;
    private readonly string _prefix;
    private readonly string _suffix;
    private readonly string _required;
    private readonly int _minLength;

    private Glob(string pattern, GlobToken[] tokens)
    {
        Pattern = pattern;
        _tokens = tokens;
        _literal = tokens is [{ Kind: GlobTokenKind.Literal } only] ? only.Text : tokens.Length == 0 ? "" : null;

        // Most candidates fail on a literal prefix or suffix ("*@corp.example" against "alice@example.com"); checking
        // those first keeps a 200-rule policy from running the backtracking matcher hundreds of times per exchange.
        _prefix = tokens is [{ Kind: GlobTokenKind.Literal } first, ..] ? first.Text : "";
        _suffix = tokens is [.., { Kind: GlobTokenKind.Literal } last] && tokens.Length > 1 ? last.Text : "";
        _required = tokens.Where(t => t.Kind == GlobTokenKind.Literal).Select(t => t.Text).MaxBy(t => t.Length) ?? "";
        _minLength = tokens.Sum(t => t.Kind == GlobTokenKind.Literal ? t.Text.Length : t.Kind == GlobTokenKind.Question ? 1 : 0);
    }

    public string Pattern { get; }

    public static Glob Compile(string pattern) => new(pattern, GlobToken.Tokenize(pattern));

    public bool IsMatch(string text)
    {
        if (_literal is not null)
        {
            return string.Equals(_literal, text, StringComparison.OrdinalIgnoreCase);
        }

        return text.Length >= _minLength
            && text.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase)
            && text.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase)
            && text.Contains(_required, StringComparison.OrdinalIgnoreCase)
            && Match(0, text.AsSpan());
    }

    public override string ToString() => Pattern;

    private bool Match(int tokenIndex, ReadOnlySpan<char> text)
    {
        for (var i = tokenIndex; i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            switch (token.Kind)
            {
                case GlobTokenKind.Literal:
                    if (!text.StartsWith(token.Text, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    text = text[token.Text.Length..];
                    break;
                case GlobTokenKind.Question:
                    if (text.IsEmpty || text[0] == '/')
                    {
                        return false;
                    }

                    text = text[1..];
                    break;
                case GlobTokenKind.Star:
                    return MatchStar(i + 1, text);
                case GlobTokenKind.AnyDirectories:
                    return MatchAnyDirectories(i + 1, text);
                default:
                    return MatchDeep(i + 1, text);
            }
        }

        return text.IsEmpty;
    }

    private bool MatchStar(int next, ReadOnlySpan<char> text)
    {
        var limit = text.IndexOf('/');
        limit = limit < 0 ? text.Length : limit;
        for (var k = 0; k <= limit; k++)
        {
            if (Match(next, text[k..]))
            {
                return true;
            }
        }

        return false;
    }

    // "**/" matches nothing or any run of whole segments, so "**/auth/**" matches "auth/x" and "a/b/auth/x".
    private bool MatchAnyDirectories(int next, ReadOnlySpan<char> text)
    {
        if (Match(next, text))
        {
            return true;
        }

        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '/' && Match(next, text[(k + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchDeep(int next, ReadOnlySpan<char> text)
    {
        for (var k = 0; k <= text.Length; k++)
        {
            if (Match(next, text[k..]))
            {
                return true;
            }
        }

        return false;
    }
}
