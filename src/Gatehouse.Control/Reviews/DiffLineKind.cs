namespace Gatehouse.Control.Reviews;

/// <summary>What a <see cref="DiffLine"/> is.</summary>
internal enum DiffLineKind
{
    Context,
    Added,
    Removed,
    Header,
}
