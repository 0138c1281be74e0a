using System.Buffers;
using System.Text;
using Gatehouse.Gateway.Masking;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Tests.Masking;

public sealed class ErrorBodyRewriterTests
{
    private const string Token = "acme_0123456789abcdefghijklmnopqrstuv";

    private static readonly MaskingEngine Engine = new(new MaskingOptions
    {
        FingerprintKey = new byte[32],
        CustomRules = [new CustomRuleOptions { Id = "acme-token", Pattern = "acme_[a-z0-9]{32}", Keywords = ["acme_"] }],
    });

    [Fact]
    public void Complete_JsonErrorWithASecret_MasksEveryStringAndKeepsTheShape()
    {
        var output = Run($$$"""{"error":{"message":"bad key {{{Token}}}","type":"invalid_request_error","code":401}}""", 7);

        Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
        Assert.Contains("[MASKED:acme-token]", output, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"invalid_request_error\"", output, StringComparison.Ordinal);
        Assert.Contains("\"code\":401", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_PrettyPrintedJsonError_OnlyTheSecretChanges()
    {
        var body = $$$"""
            {
              "error": { "message": "bad key {{{Token}}}", "type": "invalid_request_error", "param": "caf\u00e9" }
            }

            """;

        var output = Run(body, 11);

        Assert.Equal(body.Replace(Token, "[MASKED:acme-token]", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Complete_PlainTextError_MasksTheText()
    {
        var output = Run($"upstream said: token {Token} is revoked", 5);

        Assert.Equal("upstream said: token [MASKED:acme-token] is revoked", output);
    }

    [Fact]
    public void Append_BodyBeyondTheBound_FailsAndReleasesNothing()
    {
        using var rewriter = new ErrorBodyRewriter(new MaskingTextRewriter(Engine));
        var output = new ArrayBufferWriter<byte>();

        rewriter.Append(new byte[ErrorBodyRewriter.MaxBytes], output);
        rewriter.Append(new byte[1], output);
        rewriter.Complete(output);

        Assert.NotNull(rewriter.Error);
        Assert.Equal(0, output.WrittenCount);
    }

    private static string Run(string body, int chunk)
    {
        using var rewriter = new ErrorBodyRewriter(new MaskingTextRewriter(Engine));
        var output = new ArrayBufferWriter<byte>();
        var bytes = Encoding.UTF8.GetBytes(body);
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            rewriter.Append(bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset)), output);
        }

        rewriter.Complete(output);
        Assert.Null(rewriter.Error);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
