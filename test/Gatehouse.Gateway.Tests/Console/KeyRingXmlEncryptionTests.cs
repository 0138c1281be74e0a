using System.Security.Cryptography;
using System.Xml.Linq;
using Gatehouse.Control.Console;
using Gatehouse.Control.Console.KeyRing;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Tests.Console;

/// <summary>
/// Data Protection's XML encryption of the console's keys: the secret sealed with <c>console.keyRingKey</c>, read back
/// by a second process (a fresh service provider) over the same store, refused under another key.
/// </summary>
public sealed class KeyRingXmlEncryptionTests
{
    private static readonly byte[] Secret = "console-key-ring-secret-of-32-b!"u8.ToArray();
    private static readonly XElement Descriptor = XElement.Parse("<descriptor><masterKey><value>master-key-material</value></masterKey></descriptor>");

    [Fact]
    public void Encrypt_SealsTheSecret_DecryptsWithTheSameKeyOnly()
    {
        var encrypted = new KeyRingXmlEncryptor(new KeyRingCipher(Secret)).Encrypt(Descriptor);

        Assert.Equal(typeof(KeyRingXmlDecryptor), encrypted.DecryptorType);
        Assert.DoesNotContain("master-key-material", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(Descriptor.ToString(), new KeyRingXmlDecryptor(new KeyRingCipher(Secret)).Decrypt(encrypted.EncryptedElement).ToString());
        Assert.Throws<CryptographicException>(() =>
            new KeyRingXmlDecryptor(new KeyRingCipher("another-key-ring-secret-of-32-b!"u8.ToArray())).Decrypt(encrypted.EncryptedElement));
        Assert.Throws<CryptographicException>(() => new KeyRingXmlDecryptor(new ServiceCollection().BuildServiceProvider()).Decrypt(encrypted.EncryptedElement));
    }

    [Fact]
    public void ConsoleKeyRing_WithAKey_ProtectedOnOneProvider_UnprotectedOnAnother()
    {
        var store = new MemoryKeyRing();
        string payload;
        using (var first = Provider(store, Secret))
        {
            payload = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session");
        }

        using var second = Provider(store, Secret);

        Assert.Equal("session", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
        var stored = Assert.Single(store.Elements);
        var opened = new KeyRingCipher(Secret).Open(stored.Name, stored.Content);
        Assert.NotNull(opened);
        var xml = System.Text.Encoding.UTF8.GetString(opened);
        Assert.Contains(KeyRingXmlEncryptor.ElementName, xml, StringComparison.Ordinal);
        Assert.Contains(typeof(KeyRingXmlDecryptor).FullName!, xml, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsoleKeyRing_WithoutAKey_StoredAsAnUnencryptedKey_ReadByAnotherProvider()
    {
        var store = new MemoryKeyRing();
        string payload;
        using (var first = Provider(store, null))
        {
            payload = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session");
        }

        using var second = Provider(store, null);

        Assert.Equal("session", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
        Assert.Contains("<unencryptedKey", System.Text.Encoding.UTF8.GetString(Assert.Single(store.Elements).Content), StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(IKeyRingStore store, byte[]? secret)
    {
        var config = new GatehouseConfig
        {
            Console = new ConsoleConfig
            {
                Oidc = new ConsoleOidcConfig { Issuer = "https://idp.example.com", ClientId = "gatehouse-console" },
                KeyRingKey = secret,
            },
        };
        var services = new ServiceCollection().AddLogging().AddSingleton(store).AddSingleton(TimeProvider.System);
        services.AddGatehouseConsole(config);
        return services.BuildServiceProvider();
    }

    private sealed class MemoryKeyRing : IKeyRingStore
    {
        public List<KeyRingElement> Elements { get; } = [];

        public IReadOnlyList<KeyRingElement> ReadAll()
        {
            lock (Elements)
            {
                return [.. Elements];
            }
        }

        public bool Add(KeyRingElement element)
        {
            lock (Elements)
            {
                if (Elements.Any(e => e.Name == element.Name))
                {
                    return false;
                }

                Elements.Add(element);
                return true;
            }
        }
    }
}
