namespace Gatehouse.Masking.Detection;

/// <summary>
/// What a scan of a text that may continue could not yet decide: <see cref="Pending"/> is the earliest offset at which
/// a match could still start once more text arrives; <see cref="OpenBlockStart"/> is where a private-key block began
/// whose END line has not arrived (both are the text length when there is none).
/// </summary>
internal readonly record struct ScanState(int Pending, int OpenBlockStart, int OpenBlockRule);
