namespace PSKube.Client.Manifests;

/// <summary>
/// A manifest (YAML or JSON text) that cannot be read as Kubernetes objects, with where: 1-based line and
/// column, 0 when not known. <see cref="Reason"/> is the message without the position.
/// </summary>
public sealed class ManifestException(string reason, int line, int column)
    : Exception(line > 0 ? $"line {line}, column {column}: {reason}" : reason)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = reason;

    /// <summary>The error as compilers write it: <c>file:line:column: reason</c> for a file, the message for a text.</summary>
    public string Describe(string? file) =>
        file is null ? Message : Line > 0 ? $"{file}:{Line}:{Column}: {Reason}" : $"{file}: {Reason}";
}
