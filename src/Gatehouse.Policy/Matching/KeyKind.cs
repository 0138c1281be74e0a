namespace Gatehouse.Policy.Matching;

/// <summary>The text-valued match keys, each indexed separately by <see cref="MatchIndex"/>.</summary>
internal enum KeyKind
{
    Connections,
    Users,
    Groups,
    ApiKeys,
    Models,
    RequestPaths,
    Findings,
}
