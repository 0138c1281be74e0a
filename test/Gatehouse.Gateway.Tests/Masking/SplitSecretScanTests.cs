using Gatehouse.Gateway.Masking;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Tests.Masking;

public sealed class SplitSecretScanTests
{
    private static readonly MaskingEngine Engine = new(new MaskingOptions { FingerprintKey = new byte[32] });
    private const string AwsKeyId = "AKIAQWERTYZXCVBNMLKJ";

    [Fact]
    public void Find_SecretSplitAcrossTwoPieces_ReportsIt()
    {
        var found = SplitSecretScan.Find(Engine, ["my key is " + AwsKeyId[..9], AwsKeyId[9..] + " thanks"]);

        Assert.Equal("aws-access-key-id", Assert.Single(found).RuleId);
    }

    [Fact]
    public void Find_SecretSplitAcrossThreeShortPieces_ReportsItOnce()
    {
        var found = SplitSecretScan.Find(Engine, ["key " + AwsKeyId[..4], AwsKeyId[4..12], AwsKeyId[12..] + " end"]);

        Assert.Equal("aws-access-key-id", Assert.Single(found).RuleId);
    }

    [Fact]
    public void Find_SecretWhollyInsideOnePiece_IsNotReportedAsSplit()
    {
        var found = SplitSecretScan.Find(Engine, ["first", "my key is " + AwsKeyId, "next message", AwsKeyId + " again"]);

        Assert.Empty(found);
    }

    [Fact]
    public void Find_KeywordInOnePieceAndValueInTheNext_ReportsTheValue()
    {
        const string Keyword = "aws_secret_access_key = \"";
        const string Value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"";
        Assert.Empty(Engine.Scan(Value));
        Assert.Single(Engine.Scan(Keyword + Value));

        var found = SplitSecretScan.Find(Engine, [Keyword, Value]);

        Assert.Equal("aws-secret-access-key", Assert.Single(found).RuleId);
    }

    [Fact]
    public void Find_OrdinaryWordsAtTheJunctions_ReportsNothing()
    {
        var found = SplitSecretScan.Find(Engine, ["please review AKIA", "policy docs EXAMPLE", "notes for the deployment", ""]);

        Assert.Empty(found);
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(8, 0)]
    public void Find_Window_BoundsWhatEachSideContributes(int window, int expected)
    {
        var pieces = new[] { new string('x', 5000) + " " + AwsKeyId[..9], AwsKeyId[9..] + " " + new string('y', 5000) };

        var found = SplitSecretScan.Find(Engine, pieces, window);

        Assert.Equal(expected, found.Count);
    }
}
