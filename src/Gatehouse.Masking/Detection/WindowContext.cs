namespace Gatehouse.Masking.Detection;

/// <summary>What deciding one match of a window needs besides the text: the rule and the window's bounds.</summary>
internal readonly record struct WindowContext(CompiledRule Rule, int WindowStart, int WindowEnd, int Earliest, int MinStart, bool Final);
