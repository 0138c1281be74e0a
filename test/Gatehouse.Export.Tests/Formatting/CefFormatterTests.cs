using System.Text;
using CsCheck;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Versioning;
using Gatehouse.Export.Formatting;
using Gatehouse.Export.Formatting.Cef;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Tests.Support;
using Gatehouse.Testing;

namespace Gatehouse.Export.Tests.Formatting;

public sealed class CefFormatterTests
{
    [Fact]
    public void Format_Intent_HasSevenHeaderFieldsAndTheCallerExtensions()
    {
        var line = Format(Entries.SealedIntent());

        var header = line.Split('|');
        Assert.Equal("CEF:0", header[0]);
        Assert.Equal("Gatehouse", header[1]);
        Assert.Equal("Gatehouse", header[2]);
        Assert.Equal("exchange.intent", header[4]);
        Assert.Equal("3", header[6]);
        Assert.Contains("externalId=1 ", line, StringComparison.Ordinal);
        Assert.Contains("suser=alice ", line, StringComparison.Ordinal);
        Assert.Contains("src=10.1.2.3 ", line, StringComparison.Ordinal);
        Assert.Contains("cs1Label=connection cs1=openai", line, StringComparison.Ordinal);
        Assert.Contains("act=allow", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AnyEntry_HeaderCarriesTheBuiltVersion()
    {
        var line = Format(Entries.SealedIntent());

        Assert.Equal(GatehouseVersion.Current.Version, line.Split('|')[3]);
    }

    [Fact]
    public void Format_SignInFailure_IsHighSeverityFailureWithTheCode()
    {
        var line = Format(Entries.SealedSignIn());

        Assert.Equal("7", line.Split('|')[6]);
        Assert.Contains("outcome=failure", line, StringComparison.Ordinal);
        Assert.Contains("reason=invalid_token", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"a|b", @"a\|b")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a=b", "a=b")]
    [InlineData("a\nb", "a b")]
    public void AppendHeader_SpecialCharacters_AreEscaped(string value, string expected)
    {
        var builder = new StringBuilder();
        CefEscaping.AppendHeader(builder, value);
        Assert.Equal(expected, builder.ToString());
    }

    [Theory]
    [InlineData("a=b", @"a\=b")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a\r\nb", @"a\r\nb")]
    [InlineData("a|b", "a|b")]
    public void AppendValue_SpecialCharacters_AreEscaped(string value, string expected)
    {
        var builder = new StringBuilder();
        CefEscaping.AppendValue(builder, value);
        Assert.Equal(expected, builder.ToString());
    }

    [Fact]
    public void AppendValue_AnyString_UnescapesBackToItselfOnOneLine()
    {
        Gen.String.ForAll(value =>
        {
            var builder = new StringBuilder();
            CefEscaping.AppendValue(builder, value);
            var escaped = builder.ToString();
            Assert.DoesNotContain('\n', escaped);
            Assert.DoesNotContain('\r', escaped);
            Assert.Equal(value, UnescapeValue(escaped));
        });
    }

    [Fact]
    public void Format_AnyCallerText_KeepsSevenHeaderFieldsAndParsableExtensions()
    {
        Gen.Select(Gen.String, Gen.String).ForAll((subject, agent) =>
        {
            var intent = Entries.Intent() with { Identity = Entries.Intent().Identity with { Subject = subject }, UserAgent = agent };
            var line = Format(Entries.Seal(AuditEntryCodec.ForIntent(intent, Entries.Time)));

            Assert.DoesNotContain('\n', line);
            var extensions = SplitHeader(line);
            var pairs = ParseExtensions(extensions);
            Assert.Equal(subject, pairs["suser"]);
            Assert.Equal(agent, pairs["requestClientApplication"]);
        });
    }

    private static string Format(Gatehouse.Audit.Chain.AuditEntry entry) =>
        Encoding.UTF8.GetString(ExportFormatters.Create(ExportFormat.Cef, includeBodies: false).Format(entry).Payload.Span);

    /// <summary>Skips the seven header fields (honouring <c>\|</c>) and returns the extension text.</summary>
    private static string SplitHeader(string line)
    {
        var pipes = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '|' && ++pipes == 7)
            {
                return line[(i + 1)..];
            }
        }

        throw new Xunit.Sdk.XunitException("fewer than seven header fields");
    }

    /// <summary>A CEF reader's view: a key is a word before an unescaped '='; its value runs to the space before the next key.</summary>
    private static Dictionary<string, string> ParseExtensions(string text)
    {
        var keys = new List<(int Start, int Sign)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '=')
            {
                var start = text.LastIndexOf(' ', i - 1) + 1;
                keys.Add((start, i));
            }
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < keys.Count; k++)
        {
            var end = k + 1 < keys.Count ? keys[k + 1].Start - 1 : text.Length;
            pairs[text[keys[k].Start..keys[k].Sign]] = UnescapeValue(text[(keys[k].Sign + 1)..end]);
        }

        return pairs;
    }

    private static string UnescapeValue(string escaped)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\' && i + 1 < escaped.Length)
            {
                i++;
                builder.Append(escaped[i] switch { 'n' => '\n', 'r' => '\r', var c => c });
            }
            else
            {
                builder.Append(escaped[i]);
            }
        }

        return builder.ToString();
    }
}
