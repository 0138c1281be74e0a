namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>A construct the compiler rejects (unknown name or function) at a 1-based position inside the expression.</summary>
internal sealed class CelCompileException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
