namespace Gatehouse.LoadBench;

/// <summary>
/// The gateway under test exited before it was ready, for example because it does not know a configuration key this
/// version of the benchmark sets; the run reports that row as not measured, with the gateway's own words, and goes on.
/// </summary>
internal sealed class GatewayRefusedException(string message) : Exception(message);
