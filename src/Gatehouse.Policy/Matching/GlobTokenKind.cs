namespace Gatehouse.Policy.Matching;

internal enum GlobTokenKind
{
    Literal,
    Question,
    Star,
    AnyDirectories,
    Deep,
}
