namespace Gatehouse.Storage.KeyRing;

/// <summary>
/// The console's Data Protection key ring, kept in the store so every replica protects and reads session cookies and
/// antiforgery tokens with the same keys.
/// </summary>
/// <remarks>
/// Insert-only: an element is never changed or removed, and a name is taken once, so two replicas that each create a
/// key at their first start keep both. The methods are synchronous because Data Protection's <c>IXmlRepository</c> is:
/// it calls them when it refreshes its key ring (at start, about once a day, and when a cookie names a key it does not
/// hold yet), never once per request. A store failure throws <see cref="StoreUnavailableException"/>.
/// </remarks>
public interface IKeyRingStore
{
    /// <summary>Returns every stored element, oldest first.</summary>
    IReadOnlyList<KeyRingElement> ReadAll();

    /// <summary>Stores <paramref name="element"/>; returns false, changing nothing, when its name is already taken.</summary>
    bool Add(KeyRingElement element);
}
