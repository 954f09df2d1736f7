using System.Text.Json.Nodes;

namespace PSKube.Client.Manifests;

/// <summary>
/// Where each value of one document starts in the text (1-based line and column), by field path written the way
/// the manifest reads (<c>spec.containers[0].ports</c>), so errors found later, on the JSON, point into the text.
/// </summary>
internal sealed class SourcePositions
{
    private readonly Dictionary<string, (int Line, int Column)> _byPath = new(StringComparer.Ordinal);

    public void Add(string path, int line, int column) => _byPath.TryAdd(path, (line, column));

    /// <summary>The position of the path, else of its closest enclosing value that has one (a value expanded from an alias points at the alias).</summary>
    public (int Line, int Column) Find(string path)
    {
        for (var current = path; ; current = FieldPath.Parent(current))
        {
            if (_byPath.TryGetValue(current, out var position))
            {
                return position;
            }
            if (current.Length == 0)
            {
                return (0, 0);
            }
        }
    }

    /// <summary>The path of the value that starts at a position, else of the last one starting before it.</summary>
    public string PathAt(int line, int column) =>
        _byPath.Where(pair => (pair.Value.Line, pair.Value.Column).CompareTo((line, column)) <= 0)
            .OrderBy(pair => pair.Value)
            .ThenBy(pair => pair.Key.Length)
            .Select(pair => pair.Key)
            .LastOrDefault() ?? "";
}

/// <summary>One value of a manifest text (a YAML document, a JSON value) and where its parts are in the text.</summary>
internal sealed record SourceValue(JsonNode? Node, Lazy<SourcePositions> Positions);
