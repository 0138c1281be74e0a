namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>A valid CEL construct the compiler does not translate; the condition then runs on the library's interpreter.</summary>
internal sealed class CelUnsupportedException(string construct) : Exception(construct);
