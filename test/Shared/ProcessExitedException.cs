namespace Gatehouse.Testing;

/// <summary>A child process ended before it printed that it was ready; <see cref="Output"/> holds what it printed.</summary>
internal sealed class ProcessExitedException(string message, string output) : Exception(message)
{
    public string Output { get; } = output;
}
