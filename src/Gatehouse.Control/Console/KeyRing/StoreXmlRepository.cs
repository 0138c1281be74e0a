using System.Text;
using System.Xml;
using System.Xml.Linq;
using Gatehouse.Storage.KeyRing;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Console.KeyRing;

/// <summary>
/// The console's Data Protection key ring in the store (<see cref="IKeyRingStore"/>), so every replica protects and
/// reads session cookies and antiforgery tokens with the same keys: a session signed in on one replica is valid on all.
/// </summary>
/// <remarks>
/// Elements are only ever added, each under a unique name: two replicas starting together may each create a key, and
/// Data Protection copes with several (it uses the newest valid one and reads with any), so both keys are kept. With a
/// <see cref="KeyRingCipher"/> each element is stored encrypted; an element that cannot be read (encrypted with another
/// key, or altered) is left out with a warning, so Data Protection creates a key of its own rather than failing.
/// <see cref="IXmlRepository"/> is synchronous, so the store's key ring methods are too: Data Protection calls them when
/// it refreshes its key ring (about once a day, and when a cookie names a key it does not hold yet), never per request.
/// </remarks>
internal sealed class StoreXmlRepository(IKeyRingStore store, KeyRingCipher? cipher, TimeProvider time, ILogger<StoreXmlRepository> logger) : IXmlRepository
{
    private const int MaxNameAttempts = 3;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        foreach (var stored in store.ReadAll())
        {
            if (Decode(stored) is { } xml)
            {
                elements.Add(xml);
            }
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var xml = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
        var name = string.IsNullOrEmpty(friendlyName) ? "element-" + Guid.NewGuid().ToString("N") : friendlyName;
        for (var attempt = 1; attempt <= MaxNameAttempts; attempt++)
        {
            var content = cipher is null ? xml : cipher.Seal(name, xml);
            if (store.Add(new KeyRingElement(name, content, time.GetUtcNow())))
            {
                return;
            }

            // Another element holds the name: keep both, never replace one.
            name = friendlyName + "-" + Guid.NewGuid().ToString("N");
        }

        throw new InvalidOperationException("The console's key ring element could not be stored under a unique name.");
    }

    private XElement? Decode(KeyRingElement stored)
    {
        byte[] xml;
        if (KeyRingCipher.IsSealed(stored.Content))
        {
            if (cipher is null)
            {
                KeyRingLog.ElementSkipped(logger, stored.Name, "it is encrypted and console.keyRingKey is not set");
                return null;
            }

            if (cipher.Open(stored.Name, stored.Content) is not { } opened)
            {
                KeyRingLog.ElementSkipped(logger, stored.Name, "it was encrypted with another console.keyRingKey, or altered");
                return null;
            }

            xml = opened;
        }
        else
        {
            xml = stored.Content;
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(xml));
        }
        catch (XmlException)
        {
            KeyRingLog.ElementSkipped(logger, stored.Name, "it is not well-formed XML");
            return null;
        }
    }
}
