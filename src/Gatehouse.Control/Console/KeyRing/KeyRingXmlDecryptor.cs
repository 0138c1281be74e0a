using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.Console.KeyRing;

/// <summary>Decrypts a secret written by <see cref="KeyRingXmlEncryptor"/> with the configured <c>console.keyRingKey</c>.</summary>
/// <remarks>
/// Data Protection creates decryptors by the type name stored in the key's XML, through a constructor that takes the
/// application's <see cref="IServiceProvider"/>; the cipher is registered there only when <c>console.keyRingKey</c> is set.
/// </remarks>
internal sealed class KeyRingXmlDecryptor : IXmlDecryptor
{
    private readonly KeyRingCipher? _cipher;

    public KeyRingXmlDecryptor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _cipher = services.GetService<KeyRingCipher>();
    }

    internal KeyRingXmlDecryptor(KeyRingCipher cipher) => _cipher = cipher;

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        if (_cipher is null)
        {
            throw new CryptographicException("The console key ring key is encrypted and console.keyRingKey is not set.");
        }

        byte[] sealedSecret;
        try
        {
            sealedSecret = Convert.FromBase64String(encryptedElement.Value);
        }
        catch (FormatException)
        {
            throw new CryptographicException("The console key ring key's encrypted secret is not base64.");
        }

        var plaintext = _cipher.Open(KeyRingXmlEncryptor.SecretName, sealedSecret)
            ?? throw new CryptographicException("The console key ring key was encrypted with another console.keyRingKey, or altered.");
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
