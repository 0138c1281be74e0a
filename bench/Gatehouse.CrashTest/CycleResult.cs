namespace Gatehouse.CrashTest;

/// <summary>What one start of the gateway showed: the checks after its recovery, then the load it served until killed.</summary>
/// <param name="Cycle">The start's number, from 1.</param>
/// <param name="Recovered">Interruption entries start-up recovery wrote for the previous process's open intents.</param>
/// <param name="Unresolved">Intents still without an outcome or interruption after recovery (must be 0).</param>
/// <param name="MissingRecords">
/// Exchanges the client saw complete, so far, without an intent, or without an outcome or interruption (must be 0).
/// </param>
/// <param name="OutcomeLost">
/// Exchanges the client saw complete, so far, whose outcome a kill caught before its commit: the outcome is written
/// after the client has the end of its response, and start-up recovery marked the intent interrupted instead.
/// </param>
/// <param name="VerifyExit">The exit code of <c>gatehouse audit verify</c> (0 intact), or null when not run.</param>
/// <param name="Uptime">How long the load ran before the kill (zero for the final, graceful start).</param>
/// <param name="Started">Streams that started during the load.</param>
/// <param name="Completed">Streams the client read to their end.</param>
/// <param name="Cut">Started streams that did not end cleanly (the kill).</param>
public sealed record CycleResult(
    int Cycle, long Recovered, long Unresolved, int MissingRecords, int OutcomeLost, int? VerifyExit, TimeSpan Uptime, int Started, int Completed, int Cut)
{
    /// <summary>Gets whether the checks of this start passed.</summary>
    public bool Passed => Unresolved == 0 && MissingRecords == 0 && VerifyExit is null or 0;
}
