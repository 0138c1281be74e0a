namespace Gatehouse.LoadBench;

/// <summary>One load shape applied to every target in turn: how many connections, and for how long.</summary>
internal sealed record LoadPass(string Name, int Concurrency, TimeSpan Warmup, TimeSpan Duration);
