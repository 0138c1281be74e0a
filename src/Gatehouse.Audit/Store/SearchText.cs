using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gatehouse.Audit.Store;

/// <summary>
/// The text filter of a search, parsed from what a person typed: words, <c>"quoted phrases"</c> and a trailing
/// <c>*</c> for a prefix. Every term must appear in the masked prompt or the masked response of an exchange.
/// </summary>
/// <remarks>
/// Nothing the user types is query syntax: operators (<c>OR</c>, <c>NOT</c>, <c>-</c>, <c>:</c>, parentheses) are
/// matched as the words they are, so no input can fail in the store's full-text engine. Words are letters and digits;
/// punctuation separates them, so <c>a_b</c> finds the phrase "a b" and a term of punctuation alone is ignored.
/// </remarks>
public sealed class SearchText
{
    /// <summary>The longest text accepted, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>The most terms accepted.</summary>
    public const int MaxTerms = 12;

    private SearchText(IReadOnlyList<SearchTerm> terms)
    {
        Terms = terms;
    }

    /// <summary>Gets the terms, each of which must match.</summary>
    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what to change.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SearchText? search, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        search = null;
        if (text.Length > MaxLength)
        {
            error = $"text must be at most {MaxLength} characters";
            return false;
        }

        var terms = new List<SearchTerm>();
        var position = 0;
        while (NextTerm(text, ref position) is { } term)
        {
            if (HasWord(term.Text))
            {
                terms.Add(term);
            }
        }

        if (terms.Count == 0)
        {
            error = "text has no word to search for (words are letters and digits)";
            return false;
        }

        if (terms.Count > MaxTerms)
        {
            error = $"text may have at most {MaxTerms} words or quoted phrases";
            return false;
        }

        search = new SearchText(terms);
        error = null;
        return true;
    }

    private static SearchTerm? NextTerm(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= text.Length)
        {
            return null;
        }

        var quoted = text[position] == '"';
        var start = quoted ? ++position : position;
        while (position < text.Length && (quoted ? text[position] != '"' : !char.IsWhiteSpace(text[position])))
        {
            position++;
        }

        var term = text[start..position];
        if (quoted && position < text.Length)
        {
            position++;
        }

        var prefix = term.EndsWith('*');
        if (quoted && position < text.Length && text[position] == '*')
        {
            prefix = true;
            position++;
        }

        return new SearchTerm(prefix ? term.TrimEnd('*') : term, prefix);
    }

    private static bool HasWord(string term)
    {
        foreach (var rune in term.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }
}
