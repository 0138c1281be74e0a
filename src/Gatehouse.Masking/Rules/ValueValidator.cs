namespace Gatehouse.Masking.Rules;

/// <summary>Decides whether a pattern match is a real value (checksum, range rules).</summary>
internal delegate bool ValueValidator(ReadOnlySpan<char> value);
