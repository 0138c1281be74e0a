using System.Text;

namespace Gatehouse.Policy.Matching;

internal readonly record struct GlobToken(GlobTokenKind Kind, string Text)
{
    public static GlobToken[] Tokenize(string pattern)
    {
        var tokens = new List<GlobToken>();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c is not ('*' or '?'))
            {
                literal.Append(c);
                continue;
            }

            Flush(tokens, literal);
            if (c == '?')
            {
                tokens.Add(new GlobToken(GlobTokenKind.Question, ""));
            }
            else if (i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var atSegmentStart = i == 0 || pattern[i - 1] == '/';
                var slashFollows = i + 2 < pattern.Length && pattern[i + 2] == '/';
                if (atSegmentStart && slashFollows)
                {
                    tokens.Add(new GlobToken(GlobTokenKind.AnyDirectories, ""));
                    i += 2;
                }
                else
                {
                    tokens.Add(new GlobToken(GlobTokenKind.Deep, ""));
                    i++;
                    while (i + 1 < pattern.Length && pattern[i + 1] == '*')
                    {
                        i++;
                    }
                }
            }
            else if (tokens.Count == 0 || tokens[^1].Kind != GlobTokenKind.Star)
            {
                tokens.Add(new GlobToken(GlobTokenKind.Star, ""));
            }
        }

        Flush(tokens, literal);
        return [.. tokens];
    }

    private static void Flush(List<GlobToken> tokens, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            tokens.Add(new GlobToken(GlobTokenKind.Literal, literal.ToString()));
            literal.Clear();
        }
    }
}
