namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// The small in-memory file system of one container instance: the image's folders and /etc files, and whatever the
/// container's processes (its main command, kubectl exec, kubectl cp) write. One lock guards it, since the kubelet's
/// loop and exec sessions use it at once.
/// </summary>
public sealed class ContainerFileSystem
{
    private static readonly string[] RootFolders = ["bin", "dev", "etc", "home", "lib", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var"];

    private readonly Lock _gate = new();
    private readonly Entry _root = Entry.Folder(DateTimeOffset.UnixEpoch);

    /// <summary>A fresh file system as the container's image lays it out.</summary>
    public ContainerFileSystem(ContainerFacts facts, DateTimeOffset createdAt)
    {
        foreach (var folder in RootFolders)
        {
            _root.Children![folder] = Entry.Folder(createdAt);
        }
        foreach (var (path, content) in facts.ImageFiles())
        {
            WriteFile(path, System.Text.Encoding.UTF8.GetBytes(content), append: false, createdAt);
        }
        if (facts.IsKuard)
        {
            _root.Children!["kuard"] = Entry.File([], createdAt);
        }
    }

    /// <summary>A file or folder: what ls -l, test and tar need to know.</summary>
    public sealed record Node(string Name, bool IsFolder, long Size, DateTimeOffset Modified);

    /// <summary>"/a/b/../c" as "/a/c"; relative paths start at the root (every process's working folder here).</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }
        return "/" + string.Join('/', parts);
    }

    public Node? Stat(string path)
    {
        lock (_gate)
        {
            return Find(path) is { } entry ? entry.Describe(Name(path)) : null;
        }
    }

    /// <summary>The entries of a folder in name order, or null when there is no such folder.</summary>
    public IReadOnlyList<Node>? List(string path)
    {
        lock (_gate)
        {
            return Find(path)?.Children?.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Describe(c.Key)).ToList();
        }
    }

    public byte[]? ReadFile(string path)
    {
        lock (_gate)
        {
            return Find(path) is { Children: null } file ? [.. file.Content] : null;
        }
    }

    /// <summary>Writes (or appends to) a file; the error text as the shell words it when the folder is missing or the path is a folder.</summary>
    public string? WriteFile(string path, byte[] content, bool append, DateTimeOffset at)
    {
        lock (_gate)
        {
            var parent = Find(Parent(path));
            if (parent?.Children is null)
            {
                return "nonexistent directory";
            }
            var name = Name(path);
            if (parent.Children.TryGetValue(name, out var existing))
            {
                if (existing.Children is not null)
                {
                    return "Is a directory";
                }
                existing.Content = append ? [.. existing.Content, .. content] : content;
                existing.Modified = at;
                return null;
            }
            parent.Children[name] = Entry.File(content, at);
            return null;
        }
    }

    /// <summary>Creates a folder (and its parents with <paramref name="parents"/>); the error text, or null.</summary>
    public string? CreateFolder(string path, bool parents, DateTimeOffset at)
    {
        lock (_gate)
        {
            var entry = _root;
            var parts = Normalize(path).Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                if (entry.Children is null)
                {
                    return "Not a directory";
                }
                if (entry.Children.TryGetValue(parts[i], out var next))
                {
                    if (i == parts.Length - 1 && !parents)
                    {
                        return "File exists";
                    }
                    entry = next;
                    continue;
                }
                if (i < parts.Length - 1 && !parents)
                {
                    return "No such file or directory";
                }
                entry = entry.Children[parts[i]] = Entry.Folder(at);
            }
            return entry.Children is null ? "Not a directory" : null;
        }
    }

    /// <summary>Removes a file, or a folder with everything in it; false when there is nothing there.</summary>
    public bool Remove(string path)
    {
        lock (_gate)
        {
            return Normalize(path) != "/" && Find(Parent(path))?.Children?.Remove(Name(path)) == true;
        }
    }

    /// <summary>Sets a file's modification time, creating it empty when missing (touch); false when its folder is missing.</summary>
    public bool Touch(string path, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (Find(path) is { } entry)
            {
                entry.Modified = at;
                return true;
            }
        }
        return WriteFile(path, [], append: false, at) is null;
    }

    private static string Parent(string path)
    {
        var normal = Normalize(path);
        var slash = normal.LastIndexOf('/');
        return slash <= 0 ? "/" : normal[..slash];
    }

    private static string Name(string path)
    {
        var normal = Normalize(path);
        return normal == "/" ? "/" : normal[(normal.LastIndexOf('/') + 1)..];
    }

    private Entry? Find(string path)
    {
        var entry = _root;
        foreach (var part in Normalize(path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Children is null || !entry.Children.TryGetValue(part, out var next))
            {
                return null;
            }
            entry = next;
        }
        return entry;
    }

    private sealed class Entry
    {
        public Dictionary<string, Entry>? Children { get; private init; }

        public byte[] Content { get; set; } = [];

        public DateTimeOffset Modified { get; set; }

        public static Entry Folder(DateTimeOffset at) => new() { Children = new(StringComparer.Ordinal), Modified = at };

        public static Entry File(byte[] content, DateTimeOffset at) => new() { Content = content, Modified = at };

        public Node Describe(string name) => new(name, Children is not null, Children is null ? Content.Length : 4096, Modified);
    }
}
