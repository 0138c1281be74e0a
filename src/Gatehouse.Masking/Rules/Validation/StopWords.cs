using System.Buffers;

namespace Gatehouse.Masking.Rules.Validation;

/// <summary>Recognises placeholder values that generic assignment rules must not report.</summary>
internal static class StopWords
{
    private static readonly SearchValues<string> Placeholders = SearchValues.Create(
        [
            "changeme", "change_me", "password", "passwd", "secret", "example", "placeholder", "your_", "your-",
            "xxxx", "****", "....", "<", ">", "${", "{{", "}}", "%(", "$(", "process.env", "os.environ", "getenv",
            "config.", "settings.", "null", "undefined", "none", "true", "false", "redacted", "masked", "dummy",
            "sample", "test", "todo", "fixme", "lorem", "abcdef", "123456", "qwerty",
        ],
        StringComparison.OrdinalIgnoreCase);

    public static bool IsPlaceholder(ReadOnlySpan<char> value) => value.ContainsAny(Placeholders);
}
