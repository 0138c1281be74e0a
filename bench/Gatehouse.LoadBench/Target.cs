namespace Gatehouse.LoadBench;

/// <summary>One thing put under load: where to send the chat request, with which headers, and whose CPU and memory to read.</summary>
/// <param name="Name">The row's name in the report.</param>
/// <param name="Url">The chat completions endpoint through this target.</param>
/// <param name="Headers">Headers every request carries (a credential, a peer's routing headers).</param>
/// <param name="Cpu">Reads the CPU time of the process that answers the client.</param>
/// <param name="Resident">Reads that process's resident memory in bytes, or null when it is this process.</param>
internal sealed record Target(string Name, Uri Url, IReadOnlyDictionary<string, string> Headers, Func<TimeSpan> Cpu, Func<long>? Resident);
