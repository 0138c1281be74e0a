using System.Text;
using Gatehouse.Gateway.Masking;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Tests.Masking;

public sealed class RequestMaskerTests
{
    private const string Key = "AKIAQWERTYZXCVBNMLKJ";
    private const string Masked = "[MASKED:aws-access-key-id]";

    private static readonly MaskingEngine Engine = new(new MaskingOptions { FingerprintKey = new byte[32] });
    private static readonly RequestMasker Masker = new(Engine);

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    [InlineData("application/x-made-up")]
    public void Mask_JsonUnderAnyContentType_DecodesEscapesBeforeDetection(string? contentType)
    {
        var escaped = string.Concat(Key.Select(c => $"\\u{(int)c:x4}"));

        var result = Masker.Mask(Encoding.UTF8.GetBytes($$"""{"input":"{{escaped}}"}"""), contentType, understood: false);

        Assert.Null(result.Error);
        Assert.Equal($$"""{"input":"{{Masked}}"}""", Encoding.UTF8.GetString(result.Body!));
        Assert.Equal("aws-access-key-id", Assert.Single(result.Findings).Rule);
    }

    [Fact]
    public void Mask_Form_DecodesMasksAndReencodesOnlyWhatChanged()
    {
        var result = Masker.Mask(Encoding.UTF8.GetBytes($"a=x+y&k=%41KIA{Key[4..]}&%41{Key[1..]}=1"), "application/x-www-form-urlencoded", understood: false);

        var encoded = Uri.EscapeDataString(Masked);
        Assert.Equal($"a=x+y&k={encoded}&{encoded}=1", Encoding.UTF8.GetString(result.Body!));
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void Mask_FormWithPlusForSpaces_IsInspectedAsAFormDecoderReadsIt()
    {
        var result = Masker.Mask(Encoding.UTF8.GetBytes("note=db_password+=+\"Zq8vRk2Lm9Tx4Wp7\""), "application/x-www-form-urlencoded", understood: false);

        Assert.Equal("generic-secret", Assert.Single(result.Findings).Rule);
        Assert.DoesNotContain("Zq8vRk2Lm9Tx4Wp7", Encoding.UTF8.GetString(result.Body!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain; charset=utf-16", "charset")]
    [InlineData("multipart/form-data; boundary=x", "multipart")]
    [InlineData("text/plain", "NUL")]
    public void Mask_WhatCannotBeRead_IsRefused(string contentType, string reason)
    {
        var body = reason == "NUL" ? Encoding.Unicode.GetBytes(Key) : Encoding.UTF8.GetBytes(Key);

        var result = Masker.Mask(body, contentType, understood: false);

        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Null(result.Body);
    }

    [Fact]
    public void Mask_InvalidUtf8_IsRefused()
        => Assert.Equal("it is not UTF-8 text", Masker.Mask(new byte[] { 0x41, 0xFF, 0x42 }, "application/octet-stream", understood: false).Error);

    [Fact]
    public void Mask_JsonTheStrictParserRefuses_IsRefusedRatherThanMaskedAsText()
    {
        var result = Masker.Mask(Encoding.UTF8.GetBytes($$"""{"a":"\u0041KIA{{Key[4..]}}","a":1}"""), "text/plain", understood: false);

        Assert.Equal("it is JSON that has duplicate property names", result.Error);
    }

    [Fact]
    public void Mask_JsonLinesWithAnEscapedSecret_IsRefused()
    {
        var result = Masker.Mask(Encoding.UTF8.GetBytes($$"""{"a":1}""" + "\n" + $$"""{"b":"\u0041KIA{{Key[4..]}}"}"""), "application/jsonl", understood: false);

        Assert.Contains("escapes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_PlainTextWithoutSecrets_IsForwardedAsIs()
    {
        var result = Masker.Mask("just \\u0041 text"u8.ToArray(), "text/plain", understood: false);

        Assert.Null(result.Error);
        Assert.Null(result.Body);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Mask_UnderstoodBody_IsMaskedAsJsonEvenWhenDeclaredAsAForm()
    {
        var result = Masker.Mask(Encoding.UTF8.GetBytes($$"""{"messages":[{"content":"{{Key}}"}]}"""), "application/x-www-form-urlencoded", understood: true);

        Assert.Equal($$"""{"messages":[{"content":"{{Masked}}"}]}""", Encoding.UTF8.GetString(result.Body!));
    }
}
