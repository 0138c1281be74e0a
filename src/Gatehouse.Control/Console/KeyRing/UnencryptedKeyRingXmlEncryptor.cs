using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Console.KeyRing;

/// <summary>
/// Stores new console keys unencrypted, on purpose, when <c>console.keyRingKey</c> is not set (allowed only with the
/// embedded store), and says once per key what protects them instead: the store file, which only its owner may read.
/// </summary>
/// <remarks>
/// Without an encryptor Data Protection warns that keys "may be persisted to storage in unencrypted form"; its own
/// <see cref="NullXmlEncryptor"/> warns as well. Both are true but not actionable here, so this writes the same
/// <c>unencryptedKey</c> element (read back by <see cref="NullXmlDecryptor"/>) and logs event 1711 naming the protection
/// and the setting that adds encryption.
/// </remarks>
internal sealed class UnencryptedKeyRingXmlEncryptor(ILogger<UnencryptedKeyRingXmlEncryptor> logger) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        KeyRingLog.StoredUnencrypted(logger);
        var element = new XElement("unencryptedKey", new XComment(" This key is not encrypted: set console.keyRingKey to encrypt it. "), new XElement(plaintextElement));
        return new EncryptedXmlInfo(element, typeof(NullXmlDecryptor));
    }
}
