using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Gatehouse.Control.Console.KeyRing;

/// <summary>
/// Encrypts the secret of each new console key with <c>console.keyRingKey</c> (the same <see cref="KeyRingCipher"/> that
/// seals the stored element), so Data Protection itself knows the key material is protected at rest.
/// </summary>
/// <remarks>
/// The store-backed repository seals the whole element under its name as well; this layer is what Data Protection's key
/// manager asks for (without an encryptor it warns that keys may be stored unencrypted) and keeps the secret encrypted
/// in any copy of the element taken out of the repository. <see cref="KeyRingXmlDecryptor"/> reads it back.
/// </remarks>
internal sealed class KeyRingXmlEncryptor(KeyRingCipher cipher) : IXmlEncryptor
{
    /// <summary>The associated data the secret is sealed under (Data Protection does not pass the element's name).</summary>
    internal const string SecretName = "console key ring secret";

    /// <summary>The element that carries the sealed secret, base64.</summary>
    internal const string ElementName = "sealedSecret";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedSecret = new XElement(ElementName, Convert.ToBase64String(cipher.Seal(SecretName, plaintext)));
        return new EncryptedXmlInfo(sealedSecret, typeof(KeyRingXmlDecryptor));
    }
}
