namespace Gatehouse.Testing;

/// <summary>A program to run and the arguments that always come first (<c>dotnet gatehouse.dll</c>, or an installed tool).</summary>
/// <param name="FileName">The executable, found on <c>PATH</c> or by its path.</param>
/// <param name="LeadingArgs">Arguments before each call's own.</param>
internal sealed record ChildCommand(string FileName, IReadOnlyList<string> LeadingArgs)
{
    /// <summary>A command with no leading arguments.</summary>
    public ChildCommand(string fileName)
        : this(fileName, [])
    {
    }

    /// <summary>The command line, for a failure message.</summary>
    public string Describe(IEnumerable<string> args) => string.Join(' ', [FileName, .. LeadingArgs, .. args]);
}
