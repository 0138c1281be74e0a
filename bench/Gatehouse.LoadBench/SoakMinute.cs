namespace Gatehouse.LoadBench;

/// <summary>One minute of the soak: what the clients got, and the gateway's memory at its end.</summary>
internal sealed record SoakMinute(int Minute, LoadResult Requests, StreamResult Streams, long Resident, TimeSpan GatewayCpu);
