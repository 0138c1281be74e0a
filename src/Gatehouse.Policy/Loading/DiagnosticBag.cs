using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Policy.Loading;

/// <summary>Collects every error of one load so that an author sees them all at once, not one per attempt.</summary>
internal sealed class DiagnosticBag(string source)
{
    private readonly List<PolicyDiagnostic> _items = [];

    public string Source { get; } = source;

    public bool HasErrors => _items.Count > 0;

    public IReadOnlyList<PolicyDiagnostic> Items => _items;

    public void Add(YamlNode node, string message) => Add(node.Start, message);

    public void Add(Mark mark, string message) => _items.Add(new PolicyDiagnostic(Source, (int)mark.Line, (int)mark.Column, message));

    public void Add(int line, int column, string message) => _items.Add(new PolicyDiagnostic(Source, line, column, message));
}
