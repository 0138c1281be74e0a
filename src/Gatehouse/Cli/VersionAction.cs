using System.CommandLine;
using System.CommandLine.Invocation;
using Gatehouse.Audit.Versioning;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse --version</c>: the version and the commit it was built from, on one line.</summary>
/// <remarks>The default action prints the raw informational version (<c>0.1.0+&lt;40 hex digits&gt;</c>); people quote this line in reports.</remarks>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(GatehouseVersion.Current.ToString());
        return ExitCodes.Success;
    }
}
