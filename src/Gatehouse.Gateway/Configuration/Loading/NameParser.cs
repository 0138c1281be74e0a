namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads one of an enum's names, exactly as its table writes it; false for any other text.</summary>
/// <typeparam name="T">The enum.</typeparam>
/// <param name="text">The text, as written in the configuration.</param>
/// <param name="value">The value it names.</param>
/// <returns>Whether <paramref name="text"/> is one of the names.</returns>
internal delegate bool NameParser<T>(string? text, out T value)
    where T : struct, Enum;
