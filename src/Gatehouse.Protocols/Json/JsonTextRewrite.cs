namespace Gatehouse.Protocols.Json;

/// <summary>Returns the replacement of one decoded JSON string (a value or a property name), or null to keep it.</summary>
/// <param name="text">The string's text, unescaped; valid only for the duration of the call.</param>
public delegate string? JsonTextRewrite(ReadOnlySpan<char> text);
