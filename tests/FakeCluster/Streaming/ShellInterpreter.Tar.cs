namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// busybox tar, as kubectl cp runs it: `tar cf - PATH...` to copy from a container and
/// `tar [--no-same-permissions --no-same-owner] -xmf - [-C DIR]` to copy into it (and `tf` to list).
/// </summary>
public sealed partial class ShellInterpreter
{
    private IEnumerable<ShellEffect> Tar(IReadOnlyList<string> argv, Io io)
    {
        if (TarOptions.Parse(argv) is not { } options)
        {
            io.Err.Write("tar: invalid option -- 'z'\nBusyBox v1.36.1 multi-call binary.\n");
            _status = 1;
            return [];
        }
        return options.Mode switch
        {
            'c' => TarCreate(options, io),
            'x' or 't' => TarRead(options, io),
            _ => TarUsage(io),
        };
    }

    private IEnumerable<ShellEffect> TarUsage(Io io)
    {
        io.Err.Write("tar: need at least one option\n");
        _status = 1;
        return [];
    }

    private IEnumerable<ShellEffect> TarCreate(TarOptions options, Io io)
    {
        var entries = new List<TarArchive.Entry>();
        var status = 0;
        var warned = false;
        foreach (var member in options.Members)
        {
            var path = ContainerFileSystem.Normalize(options.Folder + "/" + member);
            if (member.StartsWith('/'))
            {
                path = ContainerFileSystem.Normalize(member);
                if (!warned)
                {
                    io.Err.Write("tar: removing leading '/' from member names\n");
                    warned = true;
                }
            }
            if (_files.Stat(path) is null)
            {
                io.Err.Write($"tar: {member}: No such file or directory\n");
                status = 1;
                continue;
            }
            AddToArchive(path, member.TrimStart('/').TrimEnd('/'), entries);
        }
        var archive = TarArchive.Write(entries);
        if (options.File is null or "-")
        {
            io.Out.Write(archive);
        }
        else if (_files.WriteFile(Absolute(options.File, options.Folder), archive, append: false, _now()) is { } error)
        {
            io.Err.Write($"tar: can't open '{options.File}': {error}\n");
            status = 1;
        }
        if (status != 0)
        {
            io.Err.Write("tar: error exit delayed from previous errors\n");
        }
        _status = status;
        return [];
    }

    private void AddToArchive(string path, string name, List<TarArchive.Entry> entries)
    {
        var node = _files.Stat(path)!;
        if (!node.IsFolder)
        {
            entries.Add(new TarArchive.Entry(name, false, _files.ReadFile(path) ?? [], node.Modified));
            return;
        }
        if (name.Length > 0)
        {
            entries.Add(new TarArchive.Entry(name, true, [], node.Modified));
        }
        foreach (var child in _files.List(path) ?? [])
        {
            AddToArchive(path.TrimEnd('/') + "/" + child.Name, name.Length == 0 ? child.Name : name + "/" + child.Name, entries);
        }
    }

    private IEnumerable<ShellEffect> TarRead(TarOptions options, Io io)
    {
        byte[] archive;
        if (options.File is null or "-")
        {
            using var input = new MemoryStream();
            while (true)
            {
                var read = new ShellRead(ShellReadMode.Bytes);
                foreach (var effect in Read(io.In, read))
                {
                    yield return effect;
                }
                if (read.Bytes is null)
                {
                    break;
                }
                input.Write(read.Bytes);
            }
            archive = input.ToArray();
        }
        else if (_files.ReadFile(Absolute(options.File, options.Folder)) is { } content)
        {
            archive = content;
        }
        else
        {
            io.Err.Write($"tar: can't open '{options.File}': No such file or directory\n");
            _status = 1;
            yield break;
        }
        _status = Unpack(archive, options, io);
    }

    private int Unpack(byte[] archive, TarOptions options, Io io)
    {
        if (_files.Stat(options.Folder) is not { IsFolder: true })
        {
            io.Err.Write($"tar: can't change directory to '{options.Folder}': No such file or directory\n");
            return 1;
        }
        if (archive.Length == 0)
        {
            io.Err.Write("tar: short read\n");
            return 1;
        }
        List<TarArchive.Entry> entries;
        try
        {
            entries = TarArchive.Read(archive);
        }
        catch (InvalidDataException error)
        {
            io.Err.Write($"tar: {error.Message}\n");
            return 1;
        }
        var root = ContainerFileSystem.Normalize(options.Folder);
        foreach (var entry in entries)
        {
            if (options.Mode == 't')
            {
                io.Out.Write(entry.Name + "\n");
                continue;
            }
            var target = ContainerFileSystem.Normalize(root + "/" + entry.Name);
            // busybox refuses members that would land outside the folder (names with ..).
            if (target != root && !target.StartsWith(root == "/" ? "/" : root + "/", StringComparison.Ordinal))
            {
                io.Err.Write($"tar: skipping unsafe member '{entry.Name}'\n");
                continue;
            }
            var at = options.KeepModificationTime ? entry.Modified : _now();
            if (entry.IsFolder)
            {
                _files.CreateFolder(target, parents: true, at);
                continue;
            }
            var parent = target[..target.LastIndexOf('/')];
            if (parent.Length > 0)
            {
                _files.CreateFolder(parent, parents: true, at);
            }
            if (_files.WriteFile(target, entry.Content, append: false, at) is { } error)
            {
                io.Err.Write($"tar: can't open '{entry.Name}': {error}\n");
                return 1;
            }
        }
        return 0;
    }

    private static string Absolute(string path, string folder) => path.StartsWith('/') ? path : folder + "/" + path;

    /// <summary>tar's command line: the mode (c, x or t), f FILE, C DIR, m; null for gzip/bzip2, which the fake does not do.</summary>
    private sealed record TarOptions(char Mode, string? File, string Folder, bool KeepModificationTime, IReadOnlyList<string> Members)
    {
        public static TarOptions? Parse(IReadOnlyList<string> argv)
        {
            char mode = '\0';
            string? file = null;
            var folder = "/";
            var touch = false;
            var members = new List<string>();
            var i = 1;
            var first = true;
            while (i < argv.Count)
            {
                var argument = argv[i++];
                if (argument.StartsWith("--", StringComparison.Ordinal))
                {
                    if (argument.StartsWith("--directory=", StringComparison.Ordinal))
                    {
                        folder = argument["--directory=".Length..];
                    }
                    first = false;
                    continue;
                }
                // The first argument is a bundle of option letters even without a dash (tar cf - /tmp).
                if ((argument.StartsWith('-') && argument.Length > 1) || first)
                {
                    foreach (var letter in argument.TrimStart('-'))
                    {
                        switch (letter)
                        {
                            case 'c' or 'x' or 't':
                                mode = letter;
                                break;
                            case 'f' when i < argv.Count:
                                file = argv[i++];
                                break;
                            case 'C' when i < argv.Count:
                                folder = argv[i++];
                                break;
                            case 'm':
                                touch = true;
                                break;
                            case 'z' or 'j' or 'J':
                                return null;
                        }
                    }
                    first = false;
                    continue;
                }
                members.Add(argument);
            }
            // -m: do not restore the modification time (set it to now).
            return new TarOptions(mode, file, folder, !touch, members);
        }
    }
}
