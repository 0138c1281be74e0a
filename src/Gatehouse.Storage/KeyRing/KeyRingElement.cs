namespace Gatehouse.Storage.KeyRing;

/// <summary>One stored element of the console's key ring: a Data Protection key or a revocation.</summary>
/// <param name="Name">The element's unique name (Data Protection's friendly name, such as <c>key-{guid}</c>).</param>
/// <param name="Content">The element as stored: its XML, or that XML encrypted by the console; the store never reads it.</param>
/// <param name="Created">When the element was stored.</param>
public sealed record KeyRingElement(string Name, byte[] Content, DateTimeOffset Created);
