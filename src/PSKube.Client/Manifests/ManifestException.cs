namespace PSKube.Client.Manifests;

/// <summary>
/// A manifest (YAML or JSON text) that cannot be read as Kubernetes objects, with where: 1-based line and
/// column, 0 when not known.
/// </summary>
public sealed class ManifestException(string message, int line, int column)
    : Exception(line > 0 ? $"line {line}, column {column}: {message}" : message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
