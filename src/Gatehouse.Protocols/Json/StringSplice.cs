namespace Gatehouse.Protocols.Json;

/// <summary>One string of a JSON body replaced: the bytes between its quotes, <c>[Start, End)</c>, become <c>Bytes</c>.</summary>
internal readonly record struct StringSplice(int Start, int End, byte[] Bytes);
