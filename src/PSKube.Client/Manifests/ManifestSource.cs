using System.Text.Json.Nodes;
using PSKube.Client.Models;

namespace PSKube.Client.Manifests;

/// <summary>
/// Where one object of a manifest came from, for messages: <c>web.yaml, document 2</c>, <c>all.yaml, document 1,
/// item 3</c> (an item of a List), <c>piped text, document 2</c>, or <c>pipeline input</c> for an object piped as itself.
/// </summary>
/// <param name="File">The file; null for text or objects from the pipeline.</param>
/// <param name="Document">The 1-based document (YAML document, JSON value) of the file or text; 0 for the whole
/// file (it cannot be read at all) or for an object piped as itself.</param>
/// <param name="Item">The 1-based item of a List document; null for a document that is one object.</param>
public sealed record ManifestOrigin(string? File, int Document, int? Item = null)
{
    /// <summary>An object piped in as itself (ConvertFrom-KubeYaml, New-* -DryRun, Get-* output).</summary>
    public static ManifestOrigin PipelineObject { get; } = new(null, 0);

    public override string ToString()
    {
        var source = File ?? (Document == 0 ? "pipeline input" : "piped text");
        var document = Document == 0 ? "" : $", document {Document}";
        var item = Item is { } index ? $", item {index}" : "";
        return source + document + item;
    }
}

/// <summary>One entry of a manifest in order: an object, or the error of a document (or List item) that cannot be read.</summary>
public sealed class ManifestDocument
{
    public ManifestDocument(ManifestOrigin origin, KubeObject obj)
    {
        Origin = origin;
        Object = obj;
    }

    public ManifestDocument(ManifestOrigin origin, ManifestException error)
    {
        Origin = origin;
        Error = error;
    }

    public ManifestOrigin Origin { get; }

    /// <summary>The object, typed by its kind (the model of its kind, else <see cref="GenericKubeObject"/>); null for an error.</summary>
    public KubeObject? Object { get; }

    /// <summary>Why the document cannot be read; null for an object.</summary>
    public ManifestException? Error { get; }

    /// <summary>The error as compilers write it (<c>web.yaml:7:3: document 2: ...</c>); null for an object.</summary>
    public string? Describe() => Error?.Describe(Origin.File);
}

/// <summary>
/// Manifests as `kubectl create|apply|delete -f` takes them: a file, or a directory meaning its .json, .yaml and .yml
/// files in name order (its subdirectories too, depth first in name order, with <c>recurse</c>); each file or text read
/// document by document with the bounded reader (<see cref="YamlJson"/>, <see cref="KubectlJson"/> for a text that
/// starts with <c>{</c>), Lists unrolled into their items. A document that cannot be read is one
/// <see cref="ManifestDocument"/> with its error, in its place, and the documents after it are still read (in JSON,
/// only the values before an unreadable one: the rest cannot be told apart).
/// </summary>
public static class ManifestSource
{
    /// <summary>The extensions kubectl reads in a directory (a file named directly is read whatever its name).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".json", ".yaml", ".yml"];

    /// <summary>
    /// The files a path stands for: itself when it is not a directory (its existence is checked when read), else
    /// its manifest files in ordinal name order; subdirectories only with <paramref name="recurse"/> (kubectl -R),
    /// each at its place in that order. Links to directories are not followed, as kubectl does not.
    /// </summary>
    public static IReadOnlyList<string> Files(string path, bool recurse)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Directory.Exists(path))
        {
            return [path];
        }
        var files = new List<string>();
        AddFiles(path, recurse, files);
        return files;
    }

    private static void AddFiles(string directory, bool recurse, List<string> files)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry is DirectoryInfo { LinkTarget: null } subdirectory)
            {
                if (recurse)
                {
                    AddFiles(subdirectory.FullName, recurse, files);
                }
            }
            else if (entry is FileInfo && Extensions.Contains(entry.Extension, StringComparer.Ordinal))
            {
                files.Add(entry.FullName);
            }
        }
    }

    /// <summary>Every object of the files of <paramref name="path"/> (see <see cref="Files"/>), in order.</summary>
    public static IEnumerable<ManifestDocument> ReadPath(string path, bool recurse) =>
        Files(path, recurse).SelectMany(ReadFile);

    /// <summary>
    /// Every object of one file, in order; a file that cannot be read at all (missing, too large, not allowed)
    /// is one error for the whole file (document 0).
    /// </summary>
    public static IEnumerable<ManifestDocument> ReadFile(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        string text;
        try
        {
            text = YamlLimits.ReadFile(file);
        }
        catch (ManifestException e)
        {
            return [new ManifestDocument(new ManifestOrigin(file, 0), e)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ManifestDocument(new ManifestOrigin(file, 0), new ManifestException(e.Message, 0, 0))];
        }
        return ReadText(text, file);
    }

    /// <summary>Every object of a YAML or JSON text, in order.</summary>
    /// <param name="file">The file the text was read from, for origins and messages; null for text from the pipeline.</param>
    public static IReadOnlyList<ManifestDocument> ReadText(string text, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            YamlLimits.CheckLength(text.Length);
        }
        catch (ManifestException e)
        {
            return [new ManifestDocument(new ManifestOrigin(file, 0), e)];
        }
        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{') ? ReadJson(text, file) : ReadYaml(text, file);
    }

    /// <summary>An object given as JSON (a hashtable or custom object from the pipeline, converted), typed by its kind; Lists unrolled.</summary>
    public static IReadOnlyList<ManifestDocument> ReadNode(JsonNode? node)
    {
        var value = new SourceValue(node, new Lazy<SourcePositions>(() => new SourcePositions()));
        return [.. ManifestObjects.Entries(value, "the object").Select(entry => Document(ManifestOrigin.PipelineObject, entry))];
    }

    private static List<ManifestDocument> ReadJson(string text, string? file)
    {
        var (values, error) = KubectlJson.Values(text);
        var documents = values.SelectMany((value, i) => ManifestObjects.Entries(value, $"document {i + 1}")
            .Select(entry => Document(new ManifestOrigin(file, i + 1, entry.Item), entry))).ToList();
        if (error is not null)
        {
            documents.Add(new ManifestDocument(new ManifestOrigin(file, values.Count + 1), Named(error, values.Count + 1)));
        }
        return documents;
    }

    // Split at kubectl's separator lines first (so a YAML error in one document leaves the others readable), then
    // each part read on its own, its positions moved to where the part starts in the text.
    private static List<ManifestDocument> ReadYaml(string text, string? file)
    {
        var documents = new List<ManifestDocument>();
        var number = 0;
        foreach (var (part, firstLine) in Parts(text))
        {
            IReadOnlyList<SourceValue> values;
            try
            {
                values = YamlJson.Read(part);
            }
            catch (ManifestException e)
            {
                number++;
                documents.Add(new ManifestDocument(new ManifestOrigin(file, number), Named(Shifted(e, firstLine), number)));
                continue;
            }
            foreach (var value in values)
            {
                number++;
                var origin = number;
                documents.AddRange(ManifestObjects.Entries(value, $"document {number}").Select(entry =>
                    Document(new ManifestOrigin(file, origin, entry.Item), entry.Error is null ? entry : entry with { Error = Shifted(entry.Error, firstLine) })));
            }
        }
        return documents;
    }

    /// <summary>
    /// The parts of a text between separator lines as kubectl's reader sees them: a line starting with <c>---</c>
    /// followed by nothing but spaces or a comment. <c>FirstLine</c> is how many lines of the text come before the part.
    /// </summary>
    private static IEnumerable<(string Part, int FirstLine)> Parts(string text)
    {
        var lines = text.Split('\n');
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsSeparator(lines[i]))
            {
                yield return (string.Join('\n', lines[start..i]), start);
                // The separator stays out of the next part, which starts on the next line.
                start = i + 1;
            }
        }
        yield return (string.Join('\n', lines[start..]), start);
    }

    private static bool IsSeparator(string line)
    {
        if (!line.StartsWith("---", StringComparison.Ordinal))
        {
            return false;
        }
        var rest = line[3..].Trim();
        return rest.Length == 0 || rest[0] == '#';
    }

    private static ManifestDocument Document(ManifestOrigin origin, (KubeObject? Object, ManifestException? Error, int? Item) entry) =>
        entry.Object is { } obj ? new ManifestDocument(origin, obj) : new ManifestDocument(origin, entry.Error!);

    private static ManifestException Shifted(ManifestException error, int lines) =>
        error.Line > 0 && lines > 0 ? new ManifestException(error.Reason, error.Line + lines, error.Column) : error;

    // A syntax error does not say which document it is in; the reader's own errors do ("document 2 is not...").
    private static ManifestException Named(ManifestException error, int document) =>
        new($"document {document}: {error.Reason}", error.Line, error.Column);
}

/// <summary>
/// The namespace an object of a manifest goes to, as kubectl create|apply|delete -f decides it: its own
/// metadata.namespace, else -Namespace (kubectl -n), else the context's; none for a cluster-scoped kind. An object
/// whose namespace differs from an explicit -Namespace is refused (<see cref="ManifestNamespaceMismatchException"/>).
/// </summary>
public static class ManifestNamespace
{
    /// <param name="obj">The object; for a cluster-scoped kind its metadata.namespace is cleared (the API server ignores it).</param>
    /// <param name="namespaced">Whether the object's kind is namespaced.</param>
    /// <param name="explicitNamespace">The namespace given explicitly (-Namespace); null when not given.</param>
    /// <param name="defaultNamespace">The context's namespace.</param>
    /// <returns>The namespace, also written into the object; null for a cluster-scoped kind.</returns>
    public static string? Resolve(KubeObject obj, bool namespaced, string? explicitNamespace, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!namespaced)
        {
            obj.Namespace = null;
            return null;
        }
        if (!string.IsNullOrEmpty(obj.Namespace))
        {
            if (!string.IsNullOrEmpty(explicitNamespace) && explicitNamespace != obj.Namespace)
            {
                throw new ManifestNamespaceMismatchException(obj.Namespace, explicitNamespace);
            }
            return obj.Namespace;
        }
        obj.Namespace = string.IsNullOrEmpty(explicitNamespace) ? defaultNamespace : explicitNamespace;
        return obj.Namespace;
    }
}

/// <summary>An object of a manifest names another namespace than the one given explicitly.</summary>
public sealed class ManifestNamespaceMismatchException(string objectNamespace, string explicitNamespace)
    : Exception($"the namespace from the provided object \"{objectNamespace}\" does not match the namespace \"{explicitNamespace}\". You must pass '-Namespace {objectNamespace}' to perform this operation, or leave -Namespace out.")
{
    public string ObjectNamespace { get; } = objectNamespace;

    public string ExplicitNamespace { get; } = explicitNamespace;
}
