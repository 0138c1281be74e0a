using System.Collections;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Tests.Configuration;

/// <summary>A connection's masking modes read the policy file's names: lower-case, exactly; anything else is refused with its path.</summary>
public sealed class MaskingModeConfigTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-masking-mode-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("mask", MaskingMode.Mask)]
    [InlineData("block", MaskingMode.Block)]
    [InlineData("off", MaskingMode.Off)]
    public void Load_LowerCaseName_Read(string name, MaskingMode expected)
    {
        var result = Load(name);

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(expected, result.Config!.Connections[0].Masking.Response);
    }

    [Theory]
    [InlineData("Block", "'Block' is not mask, block or off; names are lower-case: write 'block'")]
    [InlineData("MASK", "'MASK' is not mask, block or off; names are lower-case: write 'mask'")]
    [InlineData("1", "'1' is not mask, block or off")]
    [InlineData("hide", "'hide' is not mask, block or off")]
    public void Load_AnyOtherSpelling_RefusedWithThePathAndTheNames(string name, string message)
    {
        var result = Load(name);

        var error = Assert.Single(result.Errors);
        Assert.Equal("connections[0].masking.response", error.Path);
        Assert.Equal(message, error.Message);
    }

    private ConfigLoadResult Load(string mode)
    {
        File.WriteAllText(_path, $"""
            connections:
              - name: a
                upstream: https://a.example.com
                masking: {"{"} request: mask, response: {mode} {"}"}
            """);
        return GatehouseConfigLoader.Load(_path, new Hashtable());
    }
}
